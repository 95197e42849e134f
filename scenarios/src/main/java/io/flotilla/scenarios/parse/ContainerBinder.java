package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.cluster.ContainerVerb;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code stop: web.2} and the other {@code docker VERB}s on a task's container: a task name that
 * fits its workload's mode at the item's time. What the file shows to do nothing is a warning: a
 * task that cannot exist then, a pause of a container the timeline paused already, an unpause of
 * one it did not pause, a start of one it never stopped (or paused).
 */
final class ContainerBinder implements ActionBinder {

    private final ContainerVerb verb;

    ContainerBinder(ContainerVerb verb) {
        this.verb = verb;
    }

    public String keyword() {
        return verb.keyword();
    }

    public Class<? extends Action> kind() {
        return Action.Container.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        String label = keyword();
        Optional<String> task = Values.string(value, label, scope.problems);
        Optional<String> why = task.flatMap(t -> TaskNames.check(t, scope.view, scope.nodes));
        why.ifPresent(w -> scope.problems.add(value, w));
        if (why.isPresent() || task.isEmpty()) {
            return Optional.empty();
        }
        String name = task.get();
        String when = Durations.format(scope.at);
        Optional<String> absent = TaskPresence.absent(name, scope);
        Optional<String> idle = absent.isPresent() ? absent.map(a -> "cannot exist at " + when + ": " + a) : nothingToDo(name, when, scope);
        idle.ifPresent(reason -> scope.warn(value, label + ": '" + name + "' " + reason + "; this " + label + " does nothing"));
        record(name, scope);
        return Optional.of(new Action.Container(name, verb));
    }

    /** Why the file shows the verb to change nothing, if it does. */
    private Optional<String> nothingToDo(String name, String when, TimelineScope scope) {
        var paused = scope.state.pausedSince(name);
        String since = paused.isPresent() ? " (paused at " + Durations.format(paused.getAsLong()) : "";
        switch (verb) {
            case PAUSE:
                return paused.isPresent() ? Optional.of("is already paused at " + when + since + ", no unpause since)")
                        : Optional.empty();
            case UNPAUSE:
                return paused.isPresent() ? Optional.empty() : Optional.of("is not paused at " + when
                        + " (the timeline has not paused it, or has thawed or ended it since)");
            case START:
                if (paused.isPresent()) {
                    return Optional.of("is paused at " + when + since + "): cannot start a paused container, try unpause instead");
                }
                return scope.state.everEnded(name) ? Optional.empty()
                        : Optional.of("is running at " + when + " (no stop, remove or kill_task of it before)");
            default:
                return Optional.empty();
        }
    }

    private void record(String name, TimelineScope scope) {
        switch (verb) {
            case PAUSE -> scope.state.paused(name, true, scope.at);
            case UNPAUSE, RESTART -> scope.state.paused(name, false, scope.at);
            case STOP, REMOVE -> scope.state.ended(name);
            default -> { }
        }
    }
}
