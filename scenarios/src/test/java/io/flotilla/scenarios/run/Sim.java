package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.expect.Views;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.ClusterView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One scenario, parsed from text and run, with the questions the timeline tests ask of its event
 * log: when something first happened, what the cluster looked like at a moment, and the fewest
 * tasks of a service that were running over a stretch of virtual time.
 */
final class Sim {

    static final long S = Durations.SECOND;
    static final long MS = Durations.MILLISECOND;

    final RunResult run;

    private Sim(RunResult run) {
        this.run = run;
    }

    /** Parses {@code yaml} (it must be valid) and runs it with the default options. */
    static Sim run(String name, String yaml) {
        ParseOutcome outcome = new ScenarioParser().parse(name + ".yaml", yaml);
        assertEquals(List.of(), outcome.problems(), "the test's scenario must be valid");
        return new Sim(ScenarioRunner.run(outcome.scenario().orElseThrow(), RunOptions.DEFAULT));
    }

    /** The questions of this class, about a run made elsewhere. */
    static Sim of(RunResult run) {
        return new Sim(run);
    }

    /** A virtual time written as in a scenario file: {@code 30s}, {@code 1m30s}. */
    static long t(String text) {
        return Durations.parse(text).orElseThrow();
    }

    record At<E>(long time, E event) {}

    /** Every event of the type that matches, in log order, with its time. */
    <E extends Event> List<At<E>> all(Class<E> type, Predicate<E> filter) {
        List<At<E>> found = new ArrayList<>();
        for (LoggedEvent logged : run.log().events()) {
            if (type.isInstance(logged.event()) && filter.test(type.cast(logged.event()))) {
                found.add(new At<>(logged.time(), type.cast(logged.event())));
            }
        }
        return found;
    }

    /** The first matching event at or after {@code from}. */
    <E extends Event> Optional<At<E>> first(Class<E> type, long from, Predicate<E> filter) {
        return all(type, filter).stream().filter(a -> a.time() >= from).findFirst();
    }

    /** The first matching event at or after {@code from}; the test fails if there is none. */
    <E extends Event> At<E> expect(Class<E> type, long from, Predicate<E> filter, String what) {
        return first(type, from, filter).orElseThrow(() -> new AssertionError("never happened: " + what));
    }

    /** Tasks created for a slot or global node ({@code web.2}, {@code agent.worker-1}), oldest first. */
    List<At<TaskCreated>> created(String taskName) {
        return all(TaskCreated.class, e -> e.name().equals(taskName));
    }

    /** When the task (by id) really reached the state, if it did. */
    Optional<Long> reached(String taskId, TaskState state) {
        return first(TaskStateChanged.class, 0, e -> e.task().equals(taskId) && e.state() == state).map(At::time);
    }

    /** When the manager set the task's (by id) desired state, if it did. */
    Optional<Long> desired(String taskId, TaskState state) {
        return first(TaskDesired.class, 0, e -> e.task().equals(taskId) && e.desired() == state).map(At::time);
    }

    /**
     * Tasks a node accepted without the scheduler having assigned (or, for a global task,
     * confirmed) them first; a node only ever runs what the dispatcher sent it, and the dispatcher
     * sends only tasks that are at least ASSIGNED.
     */
    List<String> acceptedWithoutAssignment() {
        Set<String> assigned = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (At<TaskStateChanged> e : all(TaskStateChanged.class, e -> true)) {
            if (e.event().state() == TaskState.ASSIGNED) {
                assigned.add(e.event().task());
            } else if (e.event().state() == TaskState.ACCEPTED && !assigned.contains(e.event().task())) {
                wrong.add(e.event().task() + " at " + Durations.format(e.time()));
            }
        }
        return wrong;
    }

    /** The cluster as the log tells it at virtual {@code time} (every event at that instant applied). */
    ClusterView at(long time) {
        ClusterView view = Views.initial(run.scenario());
        view.applyUntil(run.log(), 0, time);
        return view;
    }

    ClusterView at(String time) {
        return at(t(time));
    }

    /** Running tasks of the service at {@code time}. */
    int running(String service, String time) {
        return at(time).running(service).size();
    }

    /**
     * The fewest running tasks of the service at any point in {@code [from, to]}, looking after
     * every single event, so a dip that lasts no virtual time at all still counts.
     */
    int minRunning(String service, long from, long to) {
        ClusterView view = Views.initial(run.scenario());
        List<LoggedEvent> log = run.log().events();
        int i = view.applyUntil(run.log(), 0, from);
        int min = view.running(service).size();
        for (; i < log.size() && log.get(i).time() <= to; i++) {
            view.apply(log.get(i));
            min = Math.min(min, view.running(service).size());
        }
        return min;
    }

    /** The most running tasks of the service at any point in {@code [from, to]}. */
    int maxRunning(String service, long from, long to) {
        ClusterView view = Views.initial(run.scenario());
        List<LoggedEvent> log = run.log().events();
        int i = view.applyUntil(run.log(), 0, from);
        int max = view.running(service).size();
        for (; i < log.size() && log.get(i).time() <= to; i++) {
            view.apply(log.get(i));
            max = Math.max(max, view.running(service).size());
        }
        return max;
    }
}
