package io.flotilla.network.lb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IpvsServiceTest {

    /** Steps against a ring of backends 1, 2, 3 (weight 1, added in that order); picks are recorded. */
    record Case(String name, Function<IpvsService, List<Integer>> steps, List<Integer> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Integer> picks(IpvsService s, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.pick());
        }
        return out;
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("round robin: exactly every third connection to each", s -> picks(s, 6), List.of(1, 2, 3, 1, 2, 3)),
                new Case("weight 0 is skipped (graceful removal)", s -> {
                    s.setWeight(2, 0);
                    return picks(s, 4);
                }, List.of(1, 3, 1, 3)),
                new Case("rr treats every positive weight alike", s -> {
                    s.setWeight(1, 5);
                    return picks(s, 3);
                }, List.of(1, 2, 3)),
                new Case("all at weight 0: nothing to pick, the connection is dropped", s -> {
                    s.setWeight(1, 0);
                    s.setWeight(2, 0);
                    s.setWeight(3, 0);
                    return picks(s, 2);
                }, List.of(-1, -1)),
                new Case("removing the destination picked last continues with its successor (ip_vs_rr_del_dest)", s -> {
                    List<Integer> out = picks(s, 2);
                    s.remove(2);
                    out.addAll(picks(s, 3));
                    return out;
                }, List.of(1, 2, 3, 1, 3)),
                new Case("removing one before the pointer does not skip anyone", s -> {
                    List<Integer> out = picks(s, 2);
                    s.remove(1);
                    out.addAll(picks(s, 3));
                    return out;
                }, List.of(1, 2, 3, 2, 3)),
                new Case("a new destination joins the end of the ring, the pointer stays", s -> {
                    List<Integer> out = picks(s, 1);
                    s.add(4, 1);
                    out.addAll(picks(s, 5));
                    return out;
                }, List.of(1, 2, 3, 4, 1, 2)),
                new Case("adding one already there only sets its weight", s -> {
                    s.add(2, 0);
                    return List.of(s.size(), s.enabled());
                }, List.of(3, 2)),
                new Case("the last one removed leaves an empty ring", s -> {
                    s.remove(1);
                    s.remove(2);
                    s.remove(3);
                    return picks(s, 1);
                }, List.of(-1)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void roundRobin(Case c) {
        IpvsService s = new IpvsService();
        s.add(1, 1);
        s.add(2, 1);
        s.add(3, 1);
        assertEquals(c.expected, c.steps.apply(s));
    }
}
