package io.flotilla.scheduler.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Raft's majority over the managers. A manager can lead only with a majority of all managers (up
 * or not) behind it: itself and the running managers it reaches. Reachability need not be
 * transitive (a single link can be cut), so each candidate's group is counted from the candidate.
 */
public final class Quorum {

    private Quorum() {}

    /** How many of {@code managers} managers make a majority: raft's {@code n/2 + 1}. */
    public static int of(int managers) {
        return managers / 2 + 1;
    }

    /**
     * The first group, with the managers in their given order, of a running candidate and the
     * running managers it reaches that holds a majority; the candidates are tried in that order
     * too, so the group's first manager is the one to lead. Empty when no running manager reaches
     * a majority.
     *
     * @param up whether a manager is running
     * @param reaches whether the first manager reaches the second (a manager reaches itself)
     */
    public static Optional<List<String>> majorityGroup(
            List<String> managers, Predicate<String> up, BiPredicate<String, String> reaches) {
        int quorum = of(managers.size());
        for (String candidate : managers) {
            if (!up.test(candidate)) {
                continue;
            }
            List<String> group = new ArrayList<>();
            for (String other : managers) {
                if (up.test(other) && reaches.test(candidate, other)) {
                    group.add(other);
                }
            }
            if (group.size() >= quorum) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
