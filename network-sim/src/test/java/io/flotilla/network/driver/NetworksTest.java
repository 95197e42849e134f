package io.flotilla.network.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.network.driver.Driver.Path;
import io.flotilla.network.overlay.Allocation;
import io.flotilla.network.overlay.Subnet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NetworksTest {

    private final Networks networks = new Networks(List.of(
            NetworkSpec.overlay("frontend"),
            NetworkSpec.of("legacy", Driver.BRIDGE),
            NetworkSpec.of("lan", Driver.MACVLAN).withSubnet(Subnet.parse("192.168.10.0/24").orElseThrow()),
            NetworkSpec.overlay("secure").encrypt(),
            NetworkSpec.of("legacy2", Driver.BRIDGE)));

    @Test
    void ingressComesFirstThenTheDeclaredOrder() {
        assertEquals(List.of("ingress", "frontend", "legacy", "lan", "secure", "legacy2"), networks.names());
        assertEquals("10.0.0.0/24", networks.subnet("ingress").orElseThrow().toString());
        assertEquals("10.0.1.0/24", networks.subnet("frontend").orElseThrow().toString());
        assertEquals("10.0.2.0/24", networks.subnet("secure").orElseThrow().toString());
        assertEquals(4098, networks.overlays().get("secure").orElseThrow().vni());
    }

    /** docker0 holds 172.17.0.0/16 and docker_gwbridge 172.18.0.0/16 on a swarm node. */
    @Test
    void localNetworksTakeDockersLocalPoolsAfterDocker0AndTheGatewayBridge() {
        assertEquals("172.19.0.0/16", networks.subnet("legacy").orElseThrow().toString());
        assertEquals("172.20.0.0/16", networks.subnet("legacy2").orElseThrow().toString());
        assertEquals("192.168.10.0/24", networks.subnet("lan").orElseThrow().toString());
    }

    @Test
    void mtuIsTheOverlaysOrTheUnderlays() {
        assertEquals(1450, networks.mtu("frontend"));
        assertEquals(1424, networks.mtu("secure"));
        assertEquals(1500, networks.mtu("legacy"));
    }

    @Test
    void bridgeAddressesArePerHostAndMacvlanAddressesAreClusterWide() {
        assertEquals(new Allocation.Address("172.19.0.2"), networks.allocate("legacy", "web.1", "w1"));
        assertEquals(new Allocation.Address("172.19.0.2"), networks.allocate("legacy", "web.2", "w2"));
        assertEquals(new Allocation.Address("192.168.10.2"), networks.allocate("lan", "db.1", "w1"));
        assertEquals(new Allocation.Address("192.168.10.3"), networks.allocate("lan", "db.2", "w2"));
        assertEquals(new Allocation.Address("10.0.1.2"), networks.allocate("frontend", "web.1", "w1"));
        assertEquals(Optional.of("10.0.1.3"), networks.allocateVip("frontend"));
    }

    @Test
    void ipvlanAddressesAreClusterWideInBothModes() {
        Networks n = new Networks(List.of(
                NetworkSpec.of("l2", Driver.IPVLAN_L2).withSubnet(Subnet.parse("192.168.20.0/24").orElseThrow()),
                NetworkSpec.of("l3", Driver.IPVLAN_L3).withSubnet(Subnet.parse("10.30.0.0/24").orElseThrow())));
        assertEquals(new Allocation.Address("192.168.20.2"), n.allocate("l2", "a.1", "w1"));
        assertEquals(new Allocation.Address("192.168.20.3"), n.allocate("l2", "a.2", "w2"));
        assertEquals(new Allocation.Address("10.30.0.2"), n.allocate("l3", "b.1", "w1"));
        assertEquals(new Allocation.Address("10.30.0.3"), n.allocate("l3", "b.2", "w2"));
        assertEquals(Optional.empty(), n.allocateVip("l2"), "no VIP off an overlay");
        assertEquals("ipvlan l3", Driver.IPVLAN_L3.describe());
        assertEquals("ipvlan", Driver.IPVLAN_L3.key());
    }

    @Test
    void aFullLocalNetworkAnswersWithTheEndpointCodesWords() {
        Networks n = new Networks(List.of(NetworkSpec.of("tiny", Driver.BRIDGE).withSubnet(Subnet.parse("10.5.0.0/30").orElseThrow())));
        n.allocate("tiny", "a", "w1");
        assertEquals(new Allocation.Failed("no available IPv4 addresses on this network's address pools: tiny (tiny)"),
                n.allocate("tiny", "b", "w1"));
        assertEquals(new Allocation.Address("10.5.0.2"), n.allocate("tiny", "c", "w2"), "another host's bridge has its own pool");
    }

    /** Which pairs a driver carries; {@code hostNs}: the client is the host itself, not a container. */
    record PathCase(String name, Driver driver, boolean sameHost, boolean hostNs, Path expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<PathCase> paths() {
        return Stream.of(
                new PathCase("overlay across hosts needs the underlay", Driver.OVERLAY, false, false, Path.UNDERLAY),
                new PathCase("overlay on one host stays on its bridge", Driver.OVERLAY, true, false, Path.LOCAL),
                new PathCase("bridge never crosses hosts", Driver.BRIDGE, false, false, Path.NONE),
                new PathCase("bridge on one host", Driver.BRIDGE, true, false, Path.LOCAL),
                new PathCase("published ports reach a bridge through the host", Driver.BRIDGE, true, true, Path.LOCAL),
                new PathCase("macvlan across hosts goes over the segment", Driver.MACVLAN, false, false, Path.UNDERLAY),
                new PathCase("macvlan containers on one host reach each other", Driver.MACVLAN, true, false, Path.LOCAL),
                new PathCase("the host cannot reach its own macvlan tasks", Driver.MACVLAN, true, true, Path.NONE),
                new PathCase("the host reaches other hosts' macvlan tasks", Driver.MACVLAN, false, true, Path.UNDERLAY),
                // moby's vlan-networks.md: L2 mode as macvlan, "the default namespace is not reachable
                // per ipvlan design"; L3 mode needs routes to the container subnet that Docker never
                // distributes, so only one host's children meet.
                new PathCase("ipvlan L2 across hosts goes over the segment", Driver.IPVLAN_L2, false, false, Path.UNDERLAY),
                new PathCase("ipvlan L2 containers on one host reach each other", Driver.IPVLAN_L2, true, false, Path.LOCAL),
                new PathCase("the host cannot reach its own ipvlan L2 tasks", Driver.IPVLAN_L2, true, true, Path.NONE),
                new PathCase("ipvlan L3 containers on one host are routed by their parent", Driver.IPVLAN_L3, true, false, Path.LOCAL),
                new PathCase("the host cannot reach its own ipvlan L3 tasks", Driver.IPVLAN_L3, true, true, Path.NONE),
                new PathCase("ipvlan L3 across hosts has no route to the container subnet", Driver.IPVLAN_L3, false, false,
                        Path.UNROUTED),
                new PathCase("nor from another host's own namespace", Driver.IPVLAN_L3, false, true, Path.UNROUTED));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void path(PathCase c) {
        assertEquals(c.expected, c.driver.path(c.sameHost, c.hostNs));
    }
}
