package io.flotilla.network.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.flotilla.network.dns.DnsAnswer;
import io.flotilla.network.gossip.Endpoint;
import io.flotilla.network.gossip.GossipEvent.Op;
import io.flotilla.network.swarm.SwarmDataPlane.EndpointMode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The embedded DNS's answers on m1, from m1's view (SwarmRouterTest's world, plus a 3-task dnsrr service). */
class EmbeddedDnsTest {

    record Case(String name, Consumer<SwarmWorld> setup, String network, String query, Set<String> answer) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Consumer<SwarmWorld> nothing = w -> {};
        return Stream.of(
                new Case("a VIP service's name gives its VIP", nothing, "frontend", "web", Set.of("10.0.1.2")),
                new Case("tasks.NAME gives every enabled task", nothing, "frontend", "tasks.web", Set.of("10.0.1.3", "10.0.1.4")),
                new Case("a dnsrr service's name gives its tasks", nothing, "backend", "api",
                        Set.of("10.0.2.5", "10.0.2.6", "10.0.2.7")),
                new Case("a task's name gives its address", nothing, "frontend", "web.2", Set.of("10.0.1.4")),
                new Case("a disabled task leaves tasks.NAME", w -> w.seen("m1", "web.1", Op.UPDATED, SwarmRouterTest.web1().disable()),
                        "frontend", "tasks.web", Set.of("10.0.1.4")),
                new Case("with every task disabled the VIP record stays (only a full removal drops it)", w -> {
                    w.seen("m1", "web.1", Op.UPDATED, SwarmRouterTest.web1().disable());
                    w.seen("m1", "web.2", Op.UPDATED, SwarmRouterTest.web2().disable());
                }, "frontend", "web", Set.of("10.0.1.2")),
                new Case("the last backend removed takes the VIP record with it", w -> {
                    w.seen("m1", "web.1", Op.REMOVED, SwarmRouterTest.web1());
                    w.seen("m1", "web.2", Op.REMOVED, SwarmRouterTest.web2());
                }, "frontend", "web", Set.of()),
                new Case("a disabled task's own name goes", w -> w.seen("m1", "web.2", Op.UPDATED, SwarmRouterTest.web2().disable()),
                        "frontend", "web.2", Set.of()),
                new Case("names of other networks are not answered", nothing, "frontend", "db", Set.of()),
                new Case("an unknown name is NXDOMAIN", nothing, "frontend", "nope", Set.of()),
                new Case("a bridge network's names exist only on their host", nothing, "legacy", "legacy-app", Set.of()),
                new Case("macvlan services answer with their tasks (no VIP on a node-local network)", nothing, "lan",
                        "lanapp", Set.of("192.168.10.2")));
    }

    static SwarmWorld world() {
        SwarmWorld w = SwarmRouterTest.world();
        w.service("api", EndpointMode.DNSRR, List.of("backend"));
        for (int i = 1; i <= 3; i++) {
            w.task("api." + i, "api", "backend", "w" + (i % 2 + 1), "10.0.2." + (4 + i), Optional.empty());
        }
        return w;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void answer(Case c) {
        SwarmWorld w = world();
        c.setup.accept(w);
        DnsAnswer a = w.plane.resolve("m1", c.network, c.query);
        assertEquals(c.answer, Set.copyOf(a.addresses()));
        assertEquals(c.answer.isEmpty() ? 0 : DnsAnswer.SWARM_TTL, a.ttlSeconds());
    }

    /** resolver.go shuffles every multi-address answer at random (rand.Shuffle), it does not rotate. */
    @Test
    void multiAddressAnswersAreShuffledFromTheNodesStream() {
        SwarmWorld w = world();
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            seen.add(w.plane.resolve("m1", "backend", "api").addresses());
        }
        assertNotEquals(1, seen.size(), "answers come in more than one order");
        SwarmWorld again = world();
        assertEquals(w.plane.resolve("m1", "backend", "api").addresses().size(), 3);
        assertEquals(world().plane.resolve("m1", "backend", "api"), again.plane.resolve("m1", "backend", "api"),
                "the same seed gives the same order");
    }

    @Test
    void nodesAnswerFromTheirOwnViews() {
        SwarmWorld w = world();
        w.seen("w1", "web.2", Op.REMOVED, SwarmRouterTest.web2());
        assertEquals(Set.of("10.0.1.3"), Set.copyOf(w.plane.resolve("w1", "frontend", "tasks.web").addresses()));
        assertEquals(Set.of("10.0.1.3", "10.0.1.4"), Set.copyOf(w.plane.resolve("m1", "frontend", "tasks.web").addresses()));
        Endpoint local = new Endpoint("legacy", "legacy-app.1", "legacy-app", "172.19.0.2", Optional.empty(), List.of(), false);
        assertEquals(Set.of(local.address()), Set.copyOf(w.plane.resolve("w1", "legacy", "legacy-app").addresses()));
    }
}
