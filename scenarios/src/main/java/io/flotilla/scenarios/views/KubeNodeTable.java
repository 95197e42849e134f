package io.flotilla.scenarios.views;

import io.flotilla.scheduler.model.NodeRole;
import java.util.Comparator;
import java.util.List;

/**
 * {@code kubectl get nodes [-o wide]}: NAME, STATUS, ROLES, AGE, VERSION, and with {@code -o wide}
 * INTERNAL-IP, EXTERNAL-IP, OS-IMAGE, KERNEL-VERSION, CONTAINER-RUNTIME. Every node joined when the
 * run began; host addresses and system info are not simulated, so they read {@code <none>} and
 * {@code <unknown>}, as kubectl prints fields a node did not report.
 */
public final class KubeNodeTable {

    private KubeNodeTable() {}

    public static String render(RunMoment m, boolean wide) {
        List<NodeRecord> nodes = m.nodes().stream().sorted(Comparator.comparing(NodeRecord::name)).toList();
        StringBuilder table = new StringBuilder("NAME\tSTATUS\tROLES\tAGE\tVERSION");
        table.append(wide ? "\tINTERNAL-IP\tEXTERNAL-IP\tOS-IMAGE\tKERNEL-VERSION\tCONTAINER-RUNTIME\n" : "\n");
        for (NodeRecord n : nodes) {
            table.append(n.name()).append('\t')
                    .append(KubernetesApi.nodeStatus(n)).append('\t')
                    .append(n.decl().spec().role() == NodeRole.MANAGER ? "control-plane" : "<none>").append('\t')
                    .append(HumanDurations.kubernetes(m.at())).append('\t')
                    .append(KubernetesApi.KUBELET_VERSION);
            if (wide) {
                table.append("\t<none>\t<none>\t<unknown>\t<unknown>\t<unknown>");
            }
            table.append('\n');
        }
        return GoTabWriter.kubectl(table.toString());
    }
}
