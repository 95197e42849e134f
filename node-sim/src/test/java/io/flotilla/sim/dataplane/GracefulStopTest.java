package io.flotilla.sim.dataplane;

import static io.flotilla.sim.dataplane.Net.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.cluster.Manager;
import io.flotilla.sim.events.LbBackendChanged;
import io.flotilla.sim.events.TaskStateChanged;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Taking a task out of service on purpose. Swarm (moby's controller {@code Shutdown}) de-weights it
 * first (DNS record out, IPVS weight 0), waits 2s for gossip to converge, then sends SIGTERM, at
 * which the application exits: a client sending through the VIP loses nothing. Kubernetes marks the
 * endpoint terminating and the kubelet stops the container at once, while each kube-proxy still
 * sends to it until its next sync a second later: those connections time out.
 */
class GracefulStopTest {

    static Net scaleDown(Net cluster) {
        return cluster.overlay("frontend")
                .service(Net.Service.named("web").replicas(3).on("frontend"))
                .client("c", "manager-1", "frontend", "web", 30, 5 * S, 40 * S, S)
                .at(20 * S, new Cluster.Operator(new Manager.Scale("web", 2)))
                .run(41 * S);
    }

    @Test
    void swarmDeweightsTwoSecondsBeforeStoppingAndNothingFails() {
        try (Net n = scaleDown(Net.swarm("manager-1", "worker-1", "worker-2", "worker-3"))) {
            String victim = n.task("web.3", 1);
            assertEquals(List.of("20.011725534s 0", "22.011725534s -1"),
                    n.all(LbBackendChanged.class, e -> e.task().equals(victim) && e.weight() <= 0).stream()
                            .map(a -> Durations.format(a.time()) + " " + a.event().weight()).toList(),
                    "manager-1's IPVS: weight 0 as the news arrives, gone once the container is");
            assertEquals(List.of(22 * S), n.all(TaskStateChanged.class, e -> e.task().equals(victim)
                    && e.state() == TaskState.SHUTDOWN).stream().map(Net.At::time).toList(), "SIGTERM 2s after the desired shutdown");
            assertEquals(Map.of("sent", 1050L, "served", 1050L), n.totals("c", 0, 41 * S));
        }
    }

    @Test
    void swarmStopsATaskWithoutNetworksAtOnce() {
        try (Net n = Net.swarm("manager-1", "worker-1", "worker-2", "worker-3")
                .service(Net.Service.named("web").replicas(3))
                .at(20 * S, new Cluster.Operator(new Manager.Scale("web", 2)))
                .run(30 * S)) {
            assertEquals(List.of(20 * S), n.all(TaskStateChanged.class, e -> e.task().equals(n.task("web.3", 1))
                    && e.state() == TaskState.SHUTDOWN).stream().map(Net.At::time).toList(), "no service binding, nothing to drain");
        }
    }

    @Test
    void kubernetesStopsAtOnceAndKubeProxyLagsASecond() {
        try (Net n = scaleDown(Net.kubernetes("manager-1", "worker-1", "worker-2", "worker-3"))) {
            Map<String, Long> totals = n.totals("c", 0, 41 * S);
            assertEquals(Map.of("sent", 1050L, "served", 1043L, "timeout", 7L), totals,
                    "about a third of the 30 sent in the second before kube-proxy drops the stopped pod");
        }
    }
}
