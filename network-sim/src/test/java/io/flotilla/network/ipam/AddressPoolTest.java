package io.flotilla.network.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.network.overlay.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AddressPoolTest {

    /** Steps run against a fresh pool of 10.0.1.0/29 (.1 gateway, .2 to .6 free, .7 broadcast). */
    record Case(String name, Function<AddressPool, List<Object>> steps, List<Object> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("serial after the gateway", p -> List.of(p.allocate(), p.allocate(), p.allocate()),
                        List.of(Optional.of("10.0.1.2"), Optional.of("10.0.1.3"), Optional.of("10.0.1.4"))),
                // moby ipams/defaultipam TestSerializeRequestReleaseAddressFromSubPool: a released
                // address comes back only after the rest of the range
                new Case("a released address is reused only after the range wraps", p -> {
                    List<Object> out = new ArrayList<>();
                    out.add(p.allocate());
                    out.add(p.allocate());
                    p.release("10.0.1.2");
                    out.add(p.allocate());
                    out.add(p.allocate());
                    out.add(p.allocate());
                    out.add(p.allocate());
                    return out;
                }, List.of(Optional.of("10.0.1.2"), Optional.of("10.0.1.3"), Optional.of("10.0.1.4"),
                        Optional.of("10.0.1.5"), Optional.of("10.0.1.6"), Optional.of("10.0.1.2"))),
                new Case("a full subnet allocates nothing", p -> {
                    for (int i = 0; i < 5; i++) {
                        p.allocate();
                    }
                    return List.of(p.allocate(), p.inUse(), p.capacity());
                }, List.of(Optional.empty(), 5, 5)),
                // moby TestRequestReleaseAddressDuplicate: the same address twice is refused
                new Case("an address taken twice is refused in Docker's words",
                        p -> List.of(p.reserve("10.0.1.5"), p.reserve("10.0.1.5").map(IpamError::words)),
                        List.of(Optional.empty(), Optional.of("Address already in use"))),
                new Case("the gateway cannot be taken", p -> List.of(p.reserve("10.0.1.1").map(IpamError::words)),
                        List.of(Optional.of("Address already in use"))),
                new Case("an address outside the subnet is refused",
                        p -> List.of(p.reserve("10.0.2.5").map(IpamError::words), p.reserve("10.0.1.7").map(IpamError::words)),
                        List.of(Optional.of("requested address is out of range"), Optional.of("requested address is out of range"))),
                new Case("serial allocation skips reserved addresses", p -> {
                    p.reserve("10.0.1.2");
                    return List.of(p.allocate());
                }, List.of(Optional.of("10.0.1.3"))),
                new Case("releasing the gateway or a free address changes nothing", p -> {
                    p.release("10.0.1.1");
                    p.release("10.0.1.4");
                    return List.of(p.inUse(), p.isAllocated("10.0.1.1"));
                }, List.of(0, true)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void addressPool(Case c) {
        assertEquals(c.expected, c.steps.apply(new AddressPool(Subnet.parse("10.0.1.0/29").orElseThrow())));
    }

    @org.junit.jupiter.api.Test
    void exhaustionWordsForLocalAndSwarmNetworks() {
        assertEquals("no available IPv4 addresses on this network's address pools: legacy (abc)",
                IpamError.NO_LOCAL_ADDRESS.forNetwork("legacy", "abc"));
        assertEquals("failed to allocate network IP for task web.3 network frontend: could not find an available IP",
                IpamError.NO_SWARM_ADDRESS.forTask("web.3", "frontend"));
        AddressPool noGateway = new AddressPool(Subnet.parse("10.0.0.0/30").orElseThrow(), false);
        assertTrue(noGateway.gateway().isEmpty());
        assertEquals(Optional.of("10.0.0.1"), noGateway.allocate());
        assertFalse(noGateway.isAllocated("10.0.0.2"));
    }
}
