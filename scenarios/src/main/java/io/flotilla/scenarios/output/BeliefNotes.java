package io.flotilla.scenarios.output;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.TaskView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The notes the timeline adds where the manager's record of a task and the truth part: what the
 * manager wants of the task ({@code desired}) and what it last heard from its node ({@code last
 * reported}) are two different things, and a student should see both beside what really happened.
 *
 * <p>A task on a crashed worker shows it best: it fails at the crash ({@code desired running, last
 * reported running}), the manager sets it to shut down once the node is marked down ({@code desired
 * shutdown, last reported running}), and it hears of the failure only when the node comes back.
 */
final class BeliefNotes {

    /** When the manager heard that each task had stopped, in log order. */
    private final Map<String, List<Long>> stopReports = new HashMap<>();
    /**
     * When each task went on again after a stop, in log order: a pod on a node that comes back
     * runs again, and what the manager was last told is true again.
     */
    private final Map<String, List<Long>> goesOn = new HashMap<>();
    /** Since when each task has been in its true state. */
    private final Map<String, Long> truthSince = new HashMap<>();

    BeliefNotes(List<LoggedEvent> events) {
        Set<String> stopped = new HashSet<>(); // the tasks whose truth is a stop, so far
        for (LoggedEvent logged : events) {
            if (logged.event() instanceof TaskObserved o && o.state().isTerminal()) {
                stopReports.computeIfAbsent(o.task(), k -> new ArrayList<>()).add(logged.time());
            }
            if (logged.event() instanceof TaskStateChanged e) {
                if (e.state().isTerminal()) {
                    stopped.add(e.task());
                } else if (stopped.remove(e.task())) {
                    goesOn.computeIfAbsent(e.task(), k -> new ArrayList<>()).add(logged.time());
                }
            }
        }
    }

    /** Keeps the time of each true change; call for every event, before its line is written. */
    void seen(LoggedEvent logged) {
        if (logged.event() instanceof TaskStateChanged e) {
            truthSince.put(e.task(), logged.time());
        }
    }

    /**
     * On a task's true stop while the manager's last report still says otherwise: what it wants and
     * what it was last told, and until when it stays told so.
     */
    String onStop(TaskStateChanged e, TaskView t) {
        if (!e.state().isTerminal() || t.believed().isTerminal() || t.believed() == e.state()) {
            return "";
        }
        long now = truthSince.get(e.task());
        Optional<Long> learnt = Stream.of(firstFrom(stopReports, e.task(), now), firstFrom(goesOn, e.task(), now))
                .flatMap(Optional::stream).min(Long::compare);
        String apart = "manager: desired " + t.desired().lowerName() + ", last reported " + t.believed().lowerName();
        if (learnt.isEmpty()) {
            return "  (" + apart + " to the end)";
        }
        return learnt.get() > now ? "  (" + apart + " until " + Durations.format(learnt.get()) + ")" : "";
    }

    private static Optional<Long> firstFrom(Map<String, List<Long>> times, String task, long from) {
        return times.getOrDefault(task, List.of()).stream().filter(at -> at >= from).findFirst();
    }

    /** On the manager's change of what it wants, for a task that already stopped without its report. */
    String onDesired(TaskDesired e, TaskView t) {
        if (!t.state().isTerminal() || t.believed().isTerminal()) {
            return "";
        }
        return "  (desired " + e.desired().lowerName() + ", last reported " + t.believed().lowerName()
                + "; really " + t.state().lowerName() + " since " + Durations.format(truthSince.get(t.id)) + ")";
    }

    /** A late report that closes a gap: the task had stopped before the manager heard of it. */
    Optional<String> closesGap(TaskObserved o, TaskView t, long now) {
        Long since = truthSince.get(o.task());
        boolean late = o.state().isTerminal() && t.state().isTerminal() && since != null && since < now;
        return late && o.state() != TaskState.REMOVE ? Optional.of(o.state().lowerName()) : Optional.empty();
    }
}
