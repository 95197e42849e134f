package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.VolumeMount;
import java.util.List;

/**
 * Swarmkit's PluginFilter for volume plugins: every volume mount whose driver is not {@code local}
 * needs that plugin on the node, named {@code name} or {@code name:latest}.
 *
 * <p>Upstream also enables the filter for a task with networks or a log driver and checks their
 * plugins. Every engine has the network drivers a scenario can name (overlay, bridge, macvlan, ipvlan) and
 * no scenario names a log driver, so those checks always pass here, and the filter is enabled for
 * volume plugins only: the counts and the texts are the same.
 */
final class PluginFilter implements Filter {

    static final String ONE = "missing plugin on 1 node";
    static final String MANY = "missing plugin on %d nodes";
    static final String REASON = "missing plugin";

    @Override
    public boolean enabled(TaskDemand demand) {
        return demand.spec().mounts().stream().anyMatch(VolumeMount::needsPlugin);
    }

    @Override
    public boolean check(TaskDemand demand, NodeInfo node) {
        List<String> installed = node.node.spec().plugins();
        for (VolumeMount m : demand.spec().mounts()) {
            if (m.needsPlugin() && !installed(m.driver(), installed)) {
                return false;
            }
        }
        return true;
    }

    /** swarmkit's {@code pluginExistsOnNode}: the exact name, or the name with the {@code :latest} tag. */
    static boolean installed(String plugin, List<String> installed) {
        for (String p : installed) {
            if (p.equals(plugin) || p.equals(plugin + ":latest")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String explain(int nodes) {
        return nodes == 1 ? ONE : MANY.formatted(nodes);
    }

    @Override
    public String reason() {
        return REASON;
    }
}
