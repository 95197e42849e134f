package io.flotilla.scenarios.expect;

import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Expectation;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.view.ClusterView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates expectations on the cluster as the event log tells it at each expectation's time
 * (the end when none is given). Every check speaks of what is really true: a task on a crashed
 * node is not running, whatever the manager still believes. A check about requests sent before its
 * time ({@link Check#readsLaterEvents}) reads the whole log, since a request's fate is logged after
 * it is sent. A check that asks what happened when ({@link Check#readsHistory}) has the view keep
 * every event it applied.
 */
public final class Expectations {

    private Expectations() {}

    /**
     * The results, and the cluster as the whole log leaves it at the run's end: what
     * {@code run --json} reports, so it need not fold the log a second time.
     */
    public record Evaluation(List<ExpectationResult> results, ClusterView atEnd) {}

    public static List<ExpectationResult> evaluate(RunResult run) {
        return evaluateToEnd(run).results();
    }

    /** As {@link #evaluate}, keeping the view it folded to the run's end. */
    public static Evaluation evaluateToEnd(RunResult run) {
        List<Expectation> expectations = run.scenario().expectations();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < expectations.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> timeOf(expectations.get(i), run)));
        ExpectationResult[] results = new ExpectationResult[expectations.size()];
        ClusterView view = Views.initial(run.scenario());
        if (expectations.stream().anyMatch(e -> e.check().readsHistory())) {
            view.keepHistory();
        }
        EventLog log = run.log();
        int next = 0;
        for (int i : order) {
            Expectation e = expectations.get(i);
            if (!e.check().readsLaterEvents()) {
                next = view.applyUntil(log, next, timeOf(e, run));
                results[i] = result(e, run, view);
            }
        }
        view.applyUntil(log, next, run.end());
        for (int i : order) {
            Expectation e = expectations.get(i);
            if (e.check().readsLaterEvents()) {
                results[i] = result(e, run, view);
            }
        }
        // An expectation set after the run's end moved the view past it: the end needs its own fold.
        boolean pastEnd = expectations.stream().anyMatch(e -> timeOf(e, run) > run.end());
        return new Evaluation(List.of(results), pastEnd ? foldedToEnd(run) : view);
    }

    /** The view of the whole log up to the run's end. */
    public static ClusterView foldedToEnd(RunResult run) {
        ClusterView view = Views.initial(run.scenario());
        view.applyUntil(run.log(), 0, run.end());
        return view;
    }

    private static ExpectationResult result(Expectation e, RunResult run, ClusterView view) {
        Check.Outcome outcome = e.check().evaluate(view);
        return new ExpectationResult(e.pos().line(), e.check().keyword(), timeOf(e, run), outcome.passed(), outcome.detail());
    }

    private static long timeOf(Expectation e, RunResult run) {
        return e.at().orElse(run.end());
    }
}
