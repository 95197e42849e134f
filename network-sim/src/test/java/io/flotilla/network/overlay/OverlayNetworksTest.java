package io.flotilla.network.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
        assertEquals(4098, backend.vni());
    }

    @Test
    void anExplicitSubnetIsSkippedByTheDefaultPool() {
        networks.create("custom", Subnet.parse("10.0.1.0/24"));
        assertEquals("10.0.2.0/24", networks.create("next", Optional.empty()).subnet().toString());
    }

    /**
     * ovmanager's bitmap scan starts after the VNI set last (bitmap/sequence.go), so a freed VNI waits
     * for the range to wrap; a freed subnet is taken again at once ("reused as they are deallocated").
     */
    @Test
    void aRemovedNetworksSubnetComesBackAtOnceButItsVniDoesNot() {
        networks.create("a", Optional.empty());
        networks.remove("a");
        OverlayNetwork b = networks.create("b", Optional.empty());
        assertEquals("10.0.1.0/24", b.subnet().toString());
        assertEquals(4098, b.vni());
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
    void aFullSubnetAllocatesNothingAndSaysSoInTheAllocatorsWords() {
        OverlayNetwork tiny = networks.create("tiny", Subnet.parse("10.9.0.0/30"));
        assertEquals(new Allocation.Address("10.9.0.2"), tiny.allocateFor("web.1"));
        assertTrue(tiny.allocate().isEmpty());
        assertEquals(new Allocation.Failed("failed to allocate network IP for task web.2 network tiny: could not find an available IP"),
                tiny.allocateFor("web.2"));
    }

    @Test
    void subnetsParseStrictly() {
        assertTrue(Subnet.parse("10.0.0.0/33").isEmpty());
        assertTrue(Subnet.parse("10.0.0/24").isEmpty());
        assertTrue(Subnet.parse("300.0.0.0/24").isEmpty());
        assertEquals("192.168.0.0/16", Subnet.parse("192.168.7.9/16").orElseThrow().toString());
        assertTrue(Subnet.parse("10.0.1.0/24").orElseThrow().contains("10.0.1.255"));
    }

    /** encryption.go maxMTU: 50 bytes of VXLAN, then 26 of ESP rounded down to a multiple of 4. */
    record MtuCase(String name, int underlay, boolean encrypted, int expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<MtuCase> mtus() {
        return Stream.of(
                new MtuCase("default", 1500, false, 1450),
                new MtuCase("default, encrypted", 1500, true, 1424),
                new MtuCase("the docs' ingress example: the option is the underlay's MTU", 1200, false, 1150),
                new MtuCase("encrypted rounds down to a multiple of 4", 1501, true, 1424),
                new MtuCase("jumbo frames", 9000, false, 8950));
    }

    @ParameterizedTest
    @MethodSource("mtus")
    void mtu(MtuCase c) {
        assertEquals(c.expected, Mtu.overlay(c.underlay, c.encrypted));
        assertEquals(c.expected, networks.create("n", Optional.empty(), c.encrypted, c.underlay).mtu());
    }
}
