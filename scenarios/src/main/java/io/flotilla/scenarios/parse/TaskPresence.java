package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.time.Durations;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether a well-formed task name names a task at an item's time, as far as the file tells: a slot
 * above the replica count of that moment (after every {@code scale} and {@code deploy} before it),
 * or a global service's task on a node that is down, names none.
 */
final class TaskPresence {

    private TaskPresence() {}

    /** Why {@code task} names no task at the item's time, if the file tells. */
    static Optional<String> absent(String task, TimelineScope scope) {
        int dot = task.indexOf('.');
        if (dot > 0) {
            String service = task.substring(0, dot);
            String rest = task.substring(dot + 1);
            if (scope.view.get(service).orElseThrow().mode() == ServiceMode.GLOBAL) {
                return scope.state.downSince(rest).stream().mapToObj(since -> "node '" + rest + "' is down (crashed at "
                        + Durations.format(since) + ", no restart since)").findFirst();
            }
            return beyond(service, Integer.parseInt(rest), scope);
        }
        int dash = task.lastIndexOf('-');
        return beyond(task.substring(0, dash), Integer.parseInt(task.substring(dash + 1)) + 1, scope);
    }

    private static Optional<String> beyond(String workload, int needed, TimelineScope scope) {
        OptionalInt replicas = scope.state.replicas(workload);
        if (replicas.isEmpty() || needed <= replicas.getAsInt()) {
            return Optional.empty();
        }
        int n = replicas.getAsInt();
        return Optional.of("'" + workload + "' has " + n + (n == 1 ? " replica" : " replicas"));
    }
}
