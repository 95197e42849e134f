package io.flotilla.scenarios.views;

import java.util.Comparator;
import java.util.List;

/**
 * {@code kubectl get pods [-o wide]}: NAME, READY, STATUS, RESTARTS, AGE, and with {@code -o wide}
 * IP, NODE, NOMINATED NODE, READINESS GATES; pods sorted by name as the API server lists them.
 * RESTARTS carries how long ago the container's last termination finished ({@code 2 (30s ago)}), as
 * kubectl prints it since v1.22.
 */
public final class PodTable {

    private PodTable() {}

    /** The table, or empty when there are no pods (kubectl then says so on stderr). */
    public static String render(RunMoment m, boolean wide) {
        List<TaskRecord> pods = KubernetesApi.pods(m).stream()
                .sorted(Comparator.comparing((TaskRecord p) -> KubernetesApi.name(m, p))).toList();
        if (pods.isEmpty()) {
            return "";
        }
        StringBuilder table = new StringBuilder("NAME\tREADY\tSTATUS\tRESTARTS\tAGE");
        table.append(wide ? "\tIP\tNODE\tNOMINATED NODE\tREADINESS GATES\n" : "\n");
        for (TaskRecord p : pods) {
            table.append(KubernetesApi.name(m, p)).append('\t')
                    .append(KubernetesApi.ready(m, p) ? "1/1" : "0/1").append('\t')
                    .append(KubernetesApi.status(m, p)).append('\t')
                    .append(restarts(m, p)).append('\t')
                    .append(HumanDurations.kubernetes(m.at() - p.createdAt()));
            if (wide) {
                table.append('\t').append(p.addresses().values().stream().findFirst().orElse("<none>"))
                        .append('\t').append(p.node().orElse("<none>"))
                        .append("\t<none>\t<none>");
            }
            table.append('\n');
        }
        return GoTabWriter.kubectl(table.toString());
    }

    private static String restarts(RunMoment m, TaskRecord p) {
        return p.restarts() == 0 ? "0" : p.restarts() + KubernetesApi.lastState(p)
                .map(t -> " (" + HumanDurations.kubernetes(m.at() - t.finished()) + " ago)").orElse("");
    }

    /** What kubectl says on stderr when the namespace has no pods. */
    public static final String NONE = "No resources found in default namespace.";
}
