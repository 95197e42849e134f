package io.flotilla.scheduler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuorumTest {

    record Size(int managers, int majority, int faultTolerance) {
        @Override
        public String toString() {
            return managers + " managers";
        }
    }

    /** The table of Docker's "Raft consensus in swarm mode" (swarm size, majority, fault tolerance). */
    static Stream<Size> sizes() {
        return Stream.of(new Size(1, 1, 0), new Size(2, 2, 0), new Size(3, 2, 1), new Size(4, 3, 1),
                new Size(5, 3, 2), new Size(6, 4, 2), new Size(7, 4, 3), new Size(8, 5, 3), new Size(9, 5, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void majorityAndFaultToleranceAsDockerDocumentsThem(Size s) {
        assertEquals(s.majority(), Quorum.of(s.managers()));
        assertEquals(s.faultTolerance(), s.managers() - Quorum.of(s.managers()));
    }

    /**
     * Managers {@code m1..mN}; {@code down} are not running; {@code groups} partition the network
     * (a manager in no group is alone with the others in none); {@code cut} are single links down.
     */
    record Case(String name, int managers, Set<String> down, List<Set<String>> groups, List<Set<String>> cut,
            Optional<List<String>> majority) {
        @Override
        public String toString() {
            return name;
        }

        List<String> names() {
            return Stream.iterate(1, i -> i + 1).limit(managers).map(i -> "m" + i).toList();
        }

        boolean reaches(String a, String b) {
            return a.equals(b) || group(a) == group(b) && !cut.contains(Set.of(a, b));
        }

        /** The index of the manager's group; the managers of no group share -1. */
        private int group(String manager) {
            for (int i = 0; i < groups.size(); i++) {
                if (groups.get(i).contains(manager)) {
                    return i;
                }
            }
            return -1;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("every manager up: the first leads", 3, Set.of(), List.of(), List.of(),
                        Optional.of(List.of("m1", "m2", "m3"))),
                new Case("the first down: the second leads the rest", 3, Set.of("m1"), List.of(), List.of(),
                        Optional.of(List.of("m2", "m3"))),
                new Case("two of three down: no majority", 3, Set.of("m1", "m2"), List.of(), List.of(), Optional.empty()),
                new Case("a lone manager leads itself", 1, Set.of(), List.of(), List.of(), Optional.of(List.of("m1"))),
                new Case("a lone manager down: nobody leads", 1, Set.of("m1"), List.of(), List.of(), Optional.empty()),
                new Case("the first cut off: the other two hold the majority", 3, Set.of(),
                        List.of(Set.of("m1")), List.of(), Optional.of(List.of("m2", "m3"))),
                new Case("four split two and two: no majority", 4, Set.of(),
                        List.of(Set.of("m1", "m2"), Set.of("m3", "m4")), List.of(), Optional.empty()),
                new Case("five split three and two: the three", 5, Set.of(),
                        List.of(Set.of("m1", "m4"), Set.of("m2", "m3", "m5")), List.of(), Optional.of(List.of("m2", "m3", "m5"))),
                new Case("a majority side with one of its managers down is no majority", 5, Set.of("m2"),
                        List.of(Set.of("m1", "m4"), Set.of("m2", "m3", "m5")), List.of(), Optional.empty()),
                new Case("one link cut: the first still reaches a majority through the others it reaches", 3, Set.of(),
                        List.of(), List.of(Set.of("m1", "m2")), Optional.of(List.of("m1", "m3"))),
                new Case("reachability is not transitive: the first's group leaves out what it cannot reach", 5, Set.of(),
                        List.of(), List.of(Set.of("m1", "m2"), Set.of("m1", "m3")), Optional.of(List.of("m1", "m4", "m5"))),
                new Case("a cut link and a manager down: nobody reaches a majority", 3, Set.of("m3"),
                        List.of(), List.of(Set.of("m1", "m2")), Optional.empty()),
                new Case("links cut around the first: the second leads", 4, Set.of(),
                        List.of(), List.of(Set.of("m1", "m2"), Set.of("m1", "m3")), Optional.of(List.of("m2", "m3", "m4"))),
                new Case("no managers: no majority", 0, Set.of(), List.of(), List.of(), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFirstCandidateReachingAMajorityLeadsIt(Case c) {
        assertEquals(c.majority(), Quorum.majorityGroup(c.names(), m -> !c.down().contains(m), c::reaches));
    }
}
