package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.model.ServiceMode;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a task name against the workloads of the moment: a replicated service's slot
 * ({@code web.3}), a global service's task on a node ({@code web.worker-1}), a statefulset's
 * ordinal ({@code db-0}). Slots beyond the replica count are accepted: a scale may make them.
 */
final class TaskNames {

    private static final Pattern SLOT = Pattern.compile("[1-9]\\d{0,8}");
    private static final Pattern ORDINAL = Pattern.compile("0|[1-9]\\d{0,8}");

    private TaskNames() {}

    /** Empty when {@code task} names a task that can exist, else why it cannot. */
    static Optional<String> check(String task, Workloads.View view, Collection<String> nodes) {
        int dot = task.indexOf('.');
        if (dot > 0) {
            String service = task.substring(0, dot);
            String rest = task.substring(dot + 1);
            Optional<Workloads.Workload> w = view.get(service);
            if (w.isEmpty()) {
                return view.checkService(service).map(why -> "unknown task '" + task + "': " + why);
            }
            if (w.get().statefulset()) {
                return Optional.of("task '" + task + "': the pods of statefulset '" + service + "' are named "
                        + service + "-0, " + service + "-1, ...");
            }
            if (w.get().mode() == ServiceMode.GLOBAL) {
                return nodes.contains(rest)
                        ? Optional.empty()
                        : Optional.of("task '" + task + "': global service '" + service + "' has a task per node, named "
                                + service + ".<node>, and there is no node '" + rest + "'" + Suggestions.didYouMean(rest, nodes));
            }
            return SLOT.matcher(rest).matches()
                    ? Optional.empty()
                    : Optional.of("task '" + task + "': the tasks of replicated service '" + service + "' are named "
                            + service + ".1, " + service + ".2, ...");
        }
        int dash = task.lastIndexOf('-');
        if (dash > 0 && ORDINAL.matcher(task.substring(dash + 1)).matches()) {
            String set = task.substring(0, dash);
            Optional<Workloads.Workload> w = view.get(set);
            if (w.isPresent() && w.get().statefulset()) {
                return Optional.empty();
            }
            if (w.isEmpty() && view.get(task).isEmpty()) {
                return view.checkWorkload(set).map(why -> "unknown task '" + task + "': " + why);
            }
        }
        if (view.get(task).isPresent()) {
            return Optional.of("'" + task + "' names a workload, not a task; tasks are named " + task + ".1 (service) or "
                    + task + "-0 (statefulset)");
        }
        return Optional.of("unknown task '" + task + "'; tasks are named <service>.<slot>, <service>.<node> or <statefulset>-<ordinal>");
    }

    /**
     * The statefulset whose pod a DNS name {@code POD.SERVICE} names under the set's headless Service
     * ({@code db-0.db}); empty when the name is not of that shape or no statefulset serves {@code SERVICE}.
     * A pod name that cannot be one of the set's ({@code db-x.db}) is reported in {@code problem}.
     */
    static Optional<Workloads.Workload> statefulSetHostname(String name, Workloads.View view, java.util.function.Consumer<String> problem) {
        int dot = name.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        Optional<Workloads.Workload> set = view.statefulSetServing(name.substring(dot + 1));
        if (set.isPresent()) {
            String pod = name.substring(0, dot);
            String prefix = set.get().name() + "-";
            if (!pod.startsWith(prefix) || !ORDINAL.matcher(pod.substring(prefix.length())).matches()) {
                problem.accept("'" + name + "': the pods of statefulset '" + set.get().name() + "' are named " + prefix + "0."
                        + name.substring(dot + 1) + ", " + prefix + "1." + name.substring(dot + 1) + ", ...");
            }
        }
        return set;
    }

    /** The service or statefulset of a well-formed task name: {@code web} of {@code web.2}, {@code db} of {@code db-0}. */
    static String workloadOf(String task) {
        int dot = task.indexOf('.');
        return dot > 0 ? task.substring(0, dot) : task.substring(0, task.lastIndexOf('-'));
    }
}
