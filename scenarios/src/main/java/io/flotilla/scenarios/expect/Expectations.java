package io.flotilla.scenarios.expect;

import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Expectation;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.NodeView;
import io.flotilla.sim.view.TaskView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Evaluates expectations on the cluster as the event log tells it at each expectation's time
 * (the end when none is given). Every check speaks of what is really true: a task on a crashed
 * node is not running, whatever the manager still believes.
 */
public final class Expectations {

    private Expectations() {}

    public static List<ExpectationResult> evaluate(RunResult run) {
        List<Expectation> expectations = run.scenario().expectations();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < expectations.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> timeOf(expectations.get(i), run)));
        ExpectationResult[] results = new ExpectationResult[expectations.size()];
        ClusterView view = Views.initial(run.scenario());
        List<LoggedEvent> log = run.log().events();
        int next = 0;
        for (int i : order) {
            Expectation e = expectations.get(i);
            long at = timeOf(e, run);
            next = view.applyUntil(log, next, at);
            Outcome outcome = check(e.check(), view);
            results[i] = new ExpectationResult(e.pos().line(), name(e.check()), at, outcome.passed(), outcome.detail());
        }
        return List.of(results);
    }

    private static long timeOf(Expectation e, RunResult run) {
        return e.at().orElse(run.end());
    }

    record Outcome(boolean passed, String detail) {}

    static String name(Check check) {
        if (check instanceof Check.Running) {
            return "running";
        } else if (check instanceof Check.PlacementCheck) {
            return "placement";
        } else if (check instanceof Check.Spread) {
            return "spread";
        } else if (check instanceof Check.Pending) {
            return "pending";
        } else if (check instanceof Check.On) {
            return "on";
        }
        return "node";
    }

    static Outcome check(Check check, ClusterView view) {
        if (check instanceof Check.Running c) {
            return each(c.counts(), (service, want) -> {
                int got = view.running(service).size();
                return new Outcome(got == want, service + ": " + got + " running" + (got == want ? "" : ", expected " + want));
            });
        } else if (check instanceof Check.PlacementCheck c) {
            return each(c.counts(), (service, perNode) -> {
                Map<String, Integer> actual = view.runningPerNode(service);
                List<String> wrong = new ArrayList<>();
                perNode.forEach((node, want) -> {
                    int got = actual.getOrDefault(node, 0);
                    if (got != want) {
                        wrong.add(node + " has " + got + ", expected " + want);
                    }
                });
                return new Outcome(wrong.isEmpty(), service + ": " + (wrong.isEmpty() ? actual.toString() : String.join(", ", wrong)));
            });
        } else if (check instanceof Check.Spread c) {
            return each(c.counts(), (service, want) -> {
                List<Integer> got = view.runningPerNode(service).values().stream().sorted(Comparator.reverseOrder()).toList();
                List<Integer> expected = want.stream().sorted(Comparator.reverseOrder()).toList();
                boolean ok = got.equals(expected);
                return new Outcome(ok, service + ": spread " + got + (ok ? "" : ", expected " + expected));
            });
        } else if (check instanceof Check.Pending c) {
            return pending(c, view);
        } else if (check instanceof Check.On c) {
            return each(c.nodes(), (task, nodes) -> {
                Optional<TaskView> t = view.newest(task);
                String where = t.filter(TaskView::isRunning).flatMap(TaskView::node).orElse(null);
                boolean ok = where != null && nodes.contains(where);
                String found = t.isEmpty() ? "no such task"
                        : where == null ? "not running (" + t.get().state().lowerName() + ")" : "running on " + where;
                return new Outcome(ok, task + ": " + found
                        + (ok ? "" : ", expected " + (nodes.size() == 1 ? nodes.get(0) : "one of " + nodes)));
            });
        }
        Check.NodeCondition c = (Check.NodeCondition) check;
        return each(c.states(), (node, status) -> {
            String want = status.name().toLowerCase(Locale.ROOT);
            String got = view.node(node).map(NodeView::state).orElse("absent");
            return new Outcome(got.equals(want), node + ": " + got + (got.equals(want) ? "" : ", expected " + want));
        });
    }

    private static Outcome pending(Check.Pending c, ClusterView view) {
        Outcome counts = each(c.counts(), (service, want) -> {
            int got = view.pending(service).size();
            return new Outcome(got == want, service + ": " + got + " pending" + (got == want ? "" : ", expected " + want));
        });
        if (c.reason().isEmpty()) {
            return counts;
        }
        String want = c.reason().get();
        List<String> reasons = c.counts().keySet().stream()
                .flatMap(s -> view.pending(s).stream())
                .map(t -> t.error().orElse(""))
                .distinct()
                .toList();
        boolean ok = reasons.size() == 1 && reasons.get(0).equals(want);
        String found = reasons.isEmpty() ? "none" : "\"" + String.join("\" | \"", reasons) + "\"";
        return new Outcome(counts.passed() && ok,
                counts.detail() + "; reason " + found + (ok ? "" : ", expected \"" + want + "\""));
    }

    private static <V> Outcome each(Map<String, V> entries, BiFunction<String, V, Outcome> one) {
        boolean passed = true;
        List<String> details = new ArrayList<>();
        for (Map.Entry<String, V> e : entries.entrySet()) {
            Outcome o = one.apply(e.getKey(), e.getValue());
            passed &= o.passed();
            details.add(o.detail());
        }
        return new Outcome(passed, String.join("; ", details));
    }
}
