package io.flotilla.network.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OverlayNetworksTest {

    private final OverlayNetworks networks = new OverlayNetworks();

    @Test
    void ingressTakesTheFirstSubnetAndVni() {
        OverlayNetwork ingress = networks.get(OverlayNetworks.INGRESS).orElseThrow();
        assertEquals("10.0.0.0/24", ingress.subnet().toString());
        assertEquals(4096, ingress.vni());
    }

    /** The docs' first user network shows vxlanid 4097; the next free /24 follows ingress. */
    @Test
    void userNetworksTakeTheNextSubnetsAndVnis() {
        OverlayNetwork frontend = networks.create("frontend", Optional.empty());
        OverlayNetwork backend = networks.create("backend", Optional.empty());
        assertEquals("10.0.1.0/24", frontend.subnet().toString());
        assertEquals(4097, frontend.vni());
        assertEquals("10.0.2.0/24", backend.subnet().toString());
    }

    @Test
    void anExplicitSubnetIsSkippedByTheDefaultPool() {
        networks.create("custom", Subnet.parse("10.0.1.0/24"));
        assertEquals("10.0.2.0/24", networks.create("next", Optional.empty()).subnet().toString());
    }

    @Test
    void addressesAreSerialAfterTheGatewayAndNotReusedAtOnce() {
        OverlayNetwork net = networks.create("frontend", Optional.empty());
        assertEquals("10.0.1.1", net.gateway());
        assertEquals("10.0.1.2", net.allocate().orElseThrow());
        assertEquals("10.0.1.3", net.allocate().orElseThrow());
        net.release("10.0.1.2");
        assertEquals("10.0.1.4", net.allocate().orElseThrow());
    }

    @Test
    void aFullSubnetAllocatesNothing() {
        OverlayNetwork tiny = networks.create("tiny", Subnet.parse("10.9.0.0/30"));
        assertEquals("10.9.0.2", tiny.allocate().orElseThrow());
        assertTrue(tiny.allocate().isEmpty());
    }

    @Test
    void subnetsParseStrictly() {
        assertTrue(Subnet.parse("10.0.0.0/33").isEmpty());
        assertTrue(Subnet.parse("10.0.0/24").isEmpty());
        assertTrue(Subnet.parse("300.0.0.0/24").isEmpty());
        assertEquals("192.168.0.0/16", Subnet.parse("192.168.7.9/16").orElseThrow().toString());
    }
}
