package io.flotilla.sim.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.DnsAnswersChanged;
import io.flotilla.sim.events.LbBackendChanged;
import io.flotilla.sim.events.TaskAddressed;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TrafficCounted;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The data plane as the view folds it from the log: addresses, health, DNS answers, backends, traffic windows. */
class ClusterViewTest {

    private final ClusterView view = new ClusterView(
            Map.of("worker-1", NodeRole.WORKER, "worker-2", NodeRole.WORKER),
            Map.of("worker-1", Availability.ACTIVE, "worker-2", Availability.ACTIVE));
    private int seq;

    private void apply(long time, Event event) {
        view.apply(new LoggedEvent(time, seq++, event));
    }

    @Test
    void aTaskKeepsTheAddressesItWasCreatedWithAndGetsLaterOnes() {
        apply(0, new TaskCreated("web.1#1", "web.1", "web", 1, null, 1, "nginx", TaskState.RUNNING,
                new TreeMap<>(Map.of("ingress", "10.0.0.5"))));
        apply(1, new TaskAddressed("web.1#1", "frontend", "10.0.1.3"));
        apply(2, new TaskHealthChanged("web.1#1", "worker-1", "starting", 0));
        TaskView t = view.task("web.1#1").orElseThrow();
        assertEquals(Map.of("ingress", "10.0.0.5", "frontend", "10.0.1.3"), t.addresses);
        assertEquals(Optional.of("starting"), t.health());
        apply(3, new TaskHealthChanged("web.1#1", "worker-1", "unhealthy", 3));
        assertEquals(Optional.of("unhealthy"), t.health());
    }

    @Test
    void dnsAnswersPerNodeNetworkAndName() {
        DnsAnswersChanged one = new DnsAnswersChanged("worker-1", "frontend", "web", List.of("10.0.1.2"), List.of());
        DnsAnswersChanged other = new DnsAnswersChanged("worker-1", "backend", "web", List.of("10.0.2.2"), List.of());
        apply(1, one);
        apply(2, other);
        assertEquals(Optional.of(one), view.dns("worker-1", Optional.of("frontend"), "web"));
        assertEquals(Optional.of(other), view.dns("worker-1", Optional.empty(), "web"), "any network: the newest");
        assertEquals(Optional.empty(), view.dns("worker-2", Optional.of("frontend"), "web"));
        DnsAnswersChanged cluster = new DnsAnswersChanged(ClusterView.EVERY_NODE, "pods", "web", List.of("10.96.0.2"), List.of());
        apply(3, cluster);
        assertEquals(Optional.of(cluster), view.dns("worker-2", Optional.of("frontend"), "web"), "the cluster DNS answers everywhere");
        assertEquals(Optional.of(one), view.dnsLogged("worker-1", "frontend", "web"));
    }

    @Test
    void loadBalancerBackendsInTheOrderAddedUntilRemoved() {
        apply(1, new LbBackendChanged("worker-1", "frontend", "web", "web.1#1", 1));
        apply(1, new LbBackendChanged("worker-1", "frontend", "web", "web.2#1", 1));
        apply(2, new LbBackendChanged("worker-1", "frontend", "web", "web.1#1", 0));
        assertEquals(List.of("web.1#1", "web.2#1"), List.copyOf(view.backends("worker-1", "frontend", "web").keySet()));
        assertEquals(0, view.backends("worker-1", "frontend", "web").get("web.1#1"));
        apply(3, new LbBackendChanged("worker-1", "frontend", "web", "web.1#1", -1));
        assertEquals(Map.of("web.2#1", 1), view.backends("worker-1", "frontend", "web"));
        assertEquals(Map.of(), view.backends("worker-2", "frontend", "web"));
    }

    @Test
    void trafficWindowsPerClientInLogOrder() {
        TrafficCounted first = new TrafficCounted("shoppers", 0, 1_000_000_000L, 10, 10, new TreeMap<>(), new TreeMap<>(Map.of("web.1#1", 10L)));
        TrafficCounted second = new TrafficCounted("shoppers", 1_000_000_000L, 2_000_000_000L, 10, 9,
                new TreeMap<>(Map.of("timeout", 1L)), new TreeMap<>(Map.of("web.1#1", 9L)));
        apply(1_000_000_000L, first);
        apply(2_000_000_000L, second);
        assertEquals(List.of(first, second), view.traffic("shoppers"));
        assertEquals(List.of(), view.traffic("browsers"));
    }
}
