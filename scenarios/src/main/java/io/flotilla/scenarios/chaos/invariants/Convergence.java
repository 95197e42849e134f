package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.scenarios.chaos.ChaosContext;
import io.flotilla.scenarios.chaos.ChaosState;
import io.flotilla.scenarios.chaos.Invariant;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.TaskView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every replicated service converges: once the timeline has left the cluster alone for the
 * {@linkplain io.flotilla.scenarios.chaos.ConvergenceBound bound} (from the deploy at 0s, or from
 * a timeline item with no other item within the bound after it), each service has exactly its
 * desired count of tasks really running that the manager wants running, unless the log records
 * why not ({@link RecordedReasons}: no leader, no ready node with room, ...). Global services are
 * not counted.
 */
public final class Convergence implements Invariant {

    public static final String NAME = "convergence";

    private final long bound;
    private final List<long[]> moments = new ArrayList<>();
    private int next;

    public Convergence(ChaosContext context) {
        this.bound = context.bound();
        TreeSet<Long> disturbances = new TreeSet<>();
        disturbances.add(0L);
        for (TimelineItem item : context.scenario().timeline()) {
            disturbances.add(item.at());
        }
        List<Long> times = new ArrayList<>(disturbances);
        for (int i = 0; i < times.size(); i++) {
            long due = times.get(i) + bound;
            if (i == times.size() - 1 || times.get(i + 1) > due) {
                moments.add(new long[] {times.get(i), due});
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> before(ChaosState state, LoggedEvent coming) {
        // Judged on the state as it was at the moment, before anything later is folded in.
        while (next < moments.size() && moments.get(next)[1] < coming.time()) {
            Optional<String> broken = check(state, moments.get(next++)[0]);
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> atEnd(ChaosState state, long end) {
        while (next < moments.size() && moments.get(next)[1] <= end) {
            Optional<String> broken = check(state, moments.get(next++)[0]);
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    private Optional<String> check(ChaosState state, long quietSince) {
        for (Map.Entry<String, Integer> s : state.replicas().entrySet()) {
            String service = s.getKey();
            if (!RecordedReasons.replicated(state, service)) {
                continue;
            }
            int running = 0;
            for (TaskView t : state.view().running(service)) {
                if (t.desired().compareTo(TaskState.RUNNING) <= 0) {
                    running++;
                }
            }
            if (running != s.getValue() && RecordedReasons.why(state, service).isEmpty()) {
                return Optional.of(service + " has " + running + " tasks running of " + s.getValue() + " desired "
                        + Durations.format(bound) + " (the bound) after the last change at "
                        + Durations.format(quietSince) + ", with no recorded reason");
            }
        }
        return Optional.empty();
    }
}
