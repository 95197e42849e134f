package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.scenarios.chaos.ChaosState;
import io.flotilla.scenarios.chaos.Invariant;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.NodeView;
import io.flotilla.sim.view.TaskView;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * No task is lost: when a task really stops while the manager still wants it running, then within
 * the bound the manager replaces it (a new task of its slot, or under Kubernetes of its
 * workload), starts it again in place, or gives it up (desired shutdown or remove); or the log
 * records why it cannot ({@link RecordedReasons}, or a global task's node that is not ready),
 * and the wait starts again.
 */
public final class NoTaskLost implements Invariant {

    public static final String NAME = "no-task-lost";

    private final long bound;
    /** Stopped tasks the manager still wants, with when they must have been seen to. */
    private final Map<String, Long> waiting = new LinkedHashMap<>();
    private final Map<String, Long> since = new LinkedHashMap<>();
    private final Map<String, Long> excusedAt = new LinkedHashMap<>();

    public NoTaskLost(long bound) {
        this.bound = bound;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> after(ChaosState state, LoggedEvent last) {
        if (last.event() instanceof TaskStateChanged e) {
            if (!e.state().isTerminal()) {
                forget(e.task());
            } else {
                state.view().task(e.task()).ifPresent(t -> {
                    boolean wanted = t.desired().compareTo(TaskState.RUNNING) <= 0;
                    boolean newest = state.view().newest(t.name).map(n -> n.id.equals(t.id)).orElse(false);
                    if (wanted && newest && !waiting.containsKey(t.id)) {
                        waiting.put(t.id, last.time() + bound);
                        since.put(t.id, last.time());
                    }
                });
            }
        } else if (last.event() instanceof TaskDesired e && e.desired().compareTo(TaskState.RUNNING) > 0) {
            forget(e.task());
        } else if (last.event() instanceof TaskCreated e) {
            replaced(state, e);
        }
        excuse(state, last.time());
        return expired(state, last.time());
    }

    /** While the log records a reason, the wait has not begun: it starts again from now. */
    private void excuse(ChaosState state, long now) {
        Map<String, Boolean> excused = new LinkedHashMap<>();
        for (Map.Entry<String, Long> w : waiting.entrySet()) {
            TaskView t = state.view().task(w.getKey()).orElseThrow();
            if (excused.computeIfAbsent(t.service, s -> RecordedReasons.why(state, s).isPresent())) {
                w.setValue(now + bound);
                excusedAt.put(t.id, now);
            }
        }
    }

    @Override
    public Optional<String> atEnd(ChaosState state, long end) {
        return expired(state, end);
    }

    private void replaced(ChaosState state, TaskCreated e) {
        String sameSlot = null;
        String sameWorkload = null;
        for (String id : waiting.keySet()) {
            TaskView t = state.view().task(id).orElseThrow();
            if (t.name.equals(e.name()) && sameSlot == null) {
                sameSlot = id;
            } else if (t.service.equals(e.service()) && sameWorkload == null) {
                sameWorkload = id;
            }
        }
        if (sameSlot != null) {
            forget(sameSlot);
        } else if (sameWorkload != null && e.node() == null) {
            forget(sameWorkload);
        }
    }

    private void forget(String task) {
        waiting.remove(task);
        since.remove(task);
        excusedAt.remove(task);
    }

    private Optional<String> expired(ChaosState state, long now) {
        for (Iterator<Map.Entry<String, Long>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> w = it.next();
            if (w.getValue() > now) {
                continue;
            }
            TaskView t = state.view().task(w.getKey()).orElseThrow();
            Integer replicas = state.replicas().get(t.service);
            boolean global = !RecordedReasons.replicated(state, t.service);
            if (!global && replicas != null && t.slot > replicas) {
                it.remove();
                continue;
            }
            Optional<String> reason = RecordedReasons.why(state, t.service);
            if (reason.isEmpty() && global) {
                reason = t.node().flatMap(state.view()::node)
                        .filter(n -> !(n.isUp() && n.believed().equals("ready")))
                        .map(NodeView::believed).map(b -> "its node is " + b);
            }
            if (reason.isPresent()) {
                w.setValue(now + bound);
                continue;
            }
            return Optional.of(t.id + " (" + t.name + ") stopped at " + Durations.format(since.get(t.id))
                    + " while wanted running"
                    + (excusedAt.containsKey(t.id) ? " (the log last gave a reason at " + Durations.format(excusedAt.get(t.id)) + ")" : "")
                    + ", and in " + Durations.format(bound)
                    + " the manager neither replaced it, restarted it nor gave it up, and recorded no reason");
        }
        return Optional.empty();
    }
}
