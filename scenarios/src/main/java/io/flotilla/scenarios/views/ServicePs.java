package io.flotilla.scenarios.views;

import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code docker service ps}: the tasks the manager stores, as it stores them. CURRENT STATE is the
 * node's last report and how long ago the node reached it ("Running 2 minutes ago"), so a task on a
 * node that died shows {@code Shutdown} beside {@code Running 3 minutes ago} until the node comes
 * back, as in a real swarm. Tasks of one slot sort newest first, the older ones indented with
 * {@code \_}; a slot keeps at most {@value #TASK_HISTORY} tasks, as swarmkit's task reaper leaves them
 * ({@code TaskHistoryRetentionLimit}, applied to the store as it is at the moment shown).
 *
 * <p>IDs are the first 12 characters of a {@link DisplayIds} Swarm ID. A global task is named after
 * its node's hostname ({@code agent.worker-1}), as the scenario names it, where the real CLI shows
 * the node's ID.
 */
public final class ServicePs {

    /** {@code docker swarm init --task-history-limit}'s default. */
    static final int TASK_HISTORY = 5;

    private static final int MAX_ERROR = 30;

    private ServicePs() {}

    /** The table for {@code services} (every service when empty), at the moment. */
    public static String render(RunMoment m, List<String> services) {
        List<TaskRecord> shown = new ArrayList<>();
        Map<String, List<TaskRecord>> slots = new LinkedHashMap<>();
        for (TaskRecord t : m.tasks()) {
            if ((services.isEmpty() || services.contains(t.service())) && !removed(t)) {
                slots.computeIfAbsent(t.service() + "|" + t.name(), k -> new ArrayList<>()).add(t);
            }
        }
        slots.values().forEach(slot -> shown.addAll(reaped(slot)));
        shown.sort(Comparator.comparing(TaskRecord::name, NaturalOrder.INSTANCE)
                .thenComparing(Comparator.comparingLong(TaskRecord::createdAt).reversed()));
        StringBuilder table = new StringBuilder("ID\tNAME\tIMAGE\tNODE\tDESIRED STATE\tCURRENT STATE\tERROR\tPORTS\n");
        String previous = "";
        for (TaskRecord t : shown) {
            table.append(m.ids().swarm("task", t.id()), 0, 12).append('\t')
                    .append(t.name().equals(previous) ? " \\_ " + t.name() : t.name()).append('\t')
                    .append(t.image()).append('\t')
                    .append(t.node().orElse("")).append('\t')
                    .append(SwarmApi.pretty(t.desired().lowerName())).append('\t')
                    .append(SwarmApi.pretty(t.reported().lowerName())).append(' ')
                    .append(HumanDurations.docker(m.at() - t.reportedAt()).toLowerCase(Locale.ROOT)).append(" ago\t")
                    .append(error(t)).append('\t')
                    .append(ports(m, t)).append('\n');
            previous = t.name();
        }
        return GoTabWriter.docker(table.toString());
    }

    /** A slot a scale-down removed: the reaper deletes its tasks once they stopped. */
    private static boolean removed(TaskRecord t) {
        return t.desired() == TaskState.REMOVE && t.reported().isTerminal();
    }

    /**
     * swarmkit's task reaper: past the history limit, the slot's oldest tasks (by status time) that
     * neither run nor are meant to are deleted until the slot is within the limit again.
     */
    static List<TaskRecord> reaped(List<TaskRecord> slot) {
        if (slot.size() <= TASK_HISTORY) {
            return slot;
        }
        List<TaskRecord> byTime = new ArrayList<>(slot);
        byTime.sort(Comparator.comparingLong(TaskRecord::reportedAt));
        List<TaskRecord> kept = new ArrayList<>(slot);
        for (TaskRecord t : byTime) {
            if (kept.size() <= TASK_HISTORY) {
                break;
            }
            if (t.desired().compareTo(TaskState.RUNNING) > 0 && t.reported().compareTo(TaskState.RUNNING) > 0) {
                kept.remove(t);
            }
        }
        return kept;
    }

    /** The stored error, quoted, cut to 30 characters with an ellipsis as the CLI cuts it. */
    private static String error(TaskRecord t) {
        return t.error().map(e -> e.codePointCount(0, e.length()) <= MAX_ERROR ? e
                : e.substring(0, e.offsetByCodePoints(0, MAX_ERROR - 1)) + "…").map(e -> "\"" + e + "\"").orElse("");
    }

    /** Host-mode published ports, which the agent reports in the task's status once its container runs. */
    private static String ports(RunMoment m, TaskRecord t) {
        if (t.reported() != TaskState.RUNNING) {
            return "";
        }
        List<PortConfig> ports = ServiceSpecs.at(m.scenario(), t.service(), t.createdAt())
                .map(ServiceSpec::task).map(s -> s.ports()).orElse(List.of());
        return ports.stream().filter(p -> p.mode() == PublishMode.HOST && p.published() > 0)
                .map(p -> "*:" + p.published() + "->" + p.target() + "/" + p.protocol())
                .collect(Collectors.joining(","));
    }
}
