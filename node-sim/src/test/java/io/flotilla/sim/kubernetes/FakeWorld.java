package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.sim.control.Assignment;
import io.flotilla.sim.control.ControlPlaneEffects;
import io.flotilla.sim.control.ControlPlaneInputs;
import io.flotilla.sim.control.ControlPlaneTimer;
import io.flotilla.sim.control.ServiceEndpoint;
import io.flotilla.sim.control.TaskReport;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.RandomStreams;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A virtual clock and scripted kubelets around one {@link ControlPlane}, without actors: messages
 * take no time and are delivered after the call that sent them returns, timers fire in time order
 * (equal times in the order they were armed). A kubelet posts status every 10s at its own offset,
 * starts a pod 1s after it is assigned and stops one at once; a crashed kubelet does nothing at
 * all, and a cut-off one keeps its containers but neither sends nor receives.
 */
final class FakeWorld implements ControlPlaneEffects {

    static final long S = 1_000_000_000L;

    record Logged(long time, Event event) {}

    private record Due(long at, long seq, Runnable action) {}

    final ControlPlane plane;
    final List<Logged> log = new ArrayList<>();
    long now;
    private long seq;
    private final TreeSet<Due> queue = new TreeSet<>(Comparator.comparingLong(Due::at).thenComparingLong(Due::seq));
    private final Map<ControlPlaneTimer, Due> armed = new HashMap<>();
    private final Deque<Runnable> deliveries = new ArrayDeque<>();
    private final Map<String, Kubelet> kubelets = new LinkedHashMap<>();
    private Runnable check = () -> { };
    /** Whether status posts are offered to the quiet path first, and how many it answered. */
    boolean quiet;
    int quietBeats;
    /**
     * What the control plane sent the kubelets, in order: heartbeat answers as {@code TIMEs ack NODE
     * PERIOD RESEND} lines, assignments as {@code TIMEs assign NODE VERSION FULL TASKS}.
     */
    final List<String> sent = new ArrayList<>();
    private int timerCalls;

    /** One node's kubelet: what it runs, and whether it is up and reachable. */
    final class Kubelet {
        final String node;
        /** Its index on the wire: the order the kubelets were made in. */
        final int host;
        boolean up = true;
        boolean reachable = true;
        final Map<String, TaskState> containers = new LinkedHashMap<>();
        long reportsSent;
        long assignmentsSeen;

        /** The node crashes: the kubelet stops posting, and its containers are gone with it. */
        void crash() {
            up = false;
            containers.clear();
        }

        Kubelet(String node) {
            this.node = node;
            this.host = kubelets.size();
        }

        void postStatus() {
            if (up) {
                if (reachable && !(quiet && quietStatus())) {
                    plane.heartbeat(node, reportsSent, assignmentsSeen);
                }
                at(now + 10 * S, this::postStatus);
            }
        }

        /** The status post offered to {@link ControlPlane#quietHeartbeat} first, as the manager does. */
        private boolean quietStatus() {
            int news = log.size() + deliveries.size() + sent.size() + timerCalls;
            long period = plane.quietHeartbeat(host, node, reportsSent, assignmentsSeen);
            if (news != log.size() + deliveries.size() + sent.size() + timerCalls) {
                throw new AssertionError("a quiet heartbeat has no news");
            }
            if (period == ControlPlaneInputs.NOT_QUIET) {
                return false;
            }
            quietBeats++;
            ackHeartbeat(node, period, false); // what the manager hands the node
            return true;
        }

        void assigned(long version, List<Assignment> assignments) {
            if (!up || !reachable) {
                return;
            }
            assignmentsSeen = version;
            for (Assignment a : assignments) {
                String id = a.task().id();
                TaskState state = containers.get(id);
                if (a.desired() == TaskState.RUNNING && state == null) {
                    containers.put(id, TaskState.STARTING);
                    report(id, TaskState.STARTING);
                    at(now + S, () -> {
                        if (up && containers.get(id) == TaskState.STARTING) {
                            containers.put(id, TaskState.RUNNING);
                            report(id, TaskState.RUNNING);
                        }
                    });
                } else if (a.desired() == TaskState.SHUTDOWN && state != TaskState.SHUTDOWN) {
                    containers.put(id, TaskState.SHUTDOWN);
                    report(id, TaskState.SHUTDOWN);
                }
            }
        }

        private void report(String id, TaskState state) {
            reportsSent++;
            long sent = reportsSent;
            if (reachable) {
                deliveries.add(() -> plane.reports(node, List.of(new TaskReport(id, state, state.lowerName(), null)), sent));
            }
        }
    }

    FakeWorld(KubernetesSettings settings, int nodes, long... offsets) {
        plane = new ControlPlane(this, settings, new RandomStreams(1)::stream, image -> 100L << 20, Set.of());
        plane.start();
        for (int i = 1; i <= nodes; i++) {
            String name = "node-" + i;
            kubelets.put(name, new Kubelet(name));
            plane.addNode(node(name, "zone", "a"), Availability.ACTIVE);
            plane.register(name, true, List.of(), 0);
            Kubelet k = kubelets.get(name);
            at(offsets.length == 0 ? i * S : offsets[(i - 1) % offsets.length], k::postStatus);
        }
    }

    static NodeSpec node(String name, String label, String value) {
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put(label, value);
        return new NodeSpec(name, NodeRole.WORKER, Resources.of(4, 8L << 30), labels, new TreeMap<>(),
                new Platform("linux", "amd64"), List.of());
    }

    static ServiceSpec service(String name, int replicas, String image) {
        TaskSpec task = new TaskSpec(image, Resources.NONE, Resources.NONE, Placement.NONE, List.of(), List.of(),
                RestartPolicy.DEFAULT);
        return new ServiceSpec(name, ServiceMode.REPLICATED, replicas, task, UpdateConfig.DEFAULT, UpdateConfig.DEFAULT,
                EndpointMode.VIP);
    }

    Kubelet kubelet(String node) {
        return kubelets.get(node);
    }

    /** Runs {@code action} on the control plane at virtual {@code time}. */
    void at(long time, Runnable action) {
        queue.add(new Due(time, ++seq, action));
    }

    /** Runs after every input the control plane handles, to check an invariant. */
    void checkAfterEachStep(Runnable invariant) {
        this.check = invariant;
    }

    void runUntil(long until) {
        deliver();
        while (!queue.isEmpty() && queue.first().at() <= until) {
            Due due = queue.pollFirst();
            now = due.at();
            armed.values().remove(due);
            due.action().run();
            check.run();
            deliver();
        }
        now = until;
    }

    private void deliver() {
        while (!deliveries.isEmpty()) {
            deliveries.pollFirst().run();
            check.run();
        }
    }

    /** The events of {@code type} (or all, for null), in log order. */
    <E extends Event> List<Logged> events(Class<E> type) {
        return log.stream().filter(l -> type.isInstance(l.event())).toList();
    }

    <E extends Event> List<E> all(Class<E> type) {
        return log.stream().map(Logged::event).filter(type::isInstance).map(type::cast).toList();
    }

    // ---- ControlPlaneEffects ---------------------------------------------------------------------

    @Override
    public long now() {
        return now;
    }

    @Override
    public void log(Event event) {
        log.add(new Logged(now, event));
    }

    @Override
    public void startTimer(ControlPlaneTimer timer, long delayNanos) {
        timerCalls++;
        cancelTimer(timer);
        Due due = new Due(now + delayNanos, ++seq, () -> plane.timer(timer));
        armed.put(timer, due);
        queue.add(due);
    }

    @Override
    public void cancelTimer(ControlPlaneTimer timer) {
        timerCalls++;
        Due due = armed.remove(timer);
        if (due != null) {
            queue.remove(due);
        }
    }

    @Override
    public void assign(String node, long version, boolean full, List<Assignment> assignments) {
        sent.add(now / S + "s assign " + node + " " + version + " " + full + " " + assignments);
        Kubelet k = kubelets.get(node);
        if (k != null && k.reachable) {
            deliveries.add(() -> k.assigned(version, assignments));
        }
    }

    /** A slice write: the Service's endpoints as written, and as made afresh from the store then. */
    record SliceWrite(long time, String service, List<ServiceEndpoint> endpoints, List<ServiceEndpoint> fromStore) {}

    final List<SliceWrite> sliceWrites = new ArrayList<>();

    @Override
    public void endpointsChanged(String service, List<ServiceEndpoint> endpoints) {
        sliceWrites.add(new SliceWrite(now, service, endpoints, endpointsFromStore(service)));
    }

    /** The Deployment's endpoints made afresh from the store, as the EndpointSlice controller lists them. */
    List<ServiceEndpoint> endpointsFromStore(String service) {
        List<ServiceEndpoint> fromStore = new ArrayList<>();
        for (PodState p : plane.store.podsOf(service)) {
            if (p.node != null && p.ran) {
                boolean serving = p.isServing(plane.store.nodeOf(p));
                fromStore.add(new ServiceEndpoint(p.id, p.node, serving && !p.deleting, serving, p.deleting,
                        p.statefulSet == null ? java.util.Optional.empty() : java.util.Optional.of(p.slotName)));
            }
        }
        return fromStore;
    }

    @Override
    public void ackHeartbeat(String node, long nextPeriodNanos, boolean resendReports) {
        sent.add(now / S + "s ack " + node + " " + nextPeriodNanos + " " + resendReports);
    }

    /** What the control plane told the storage, as {@code TIMEs attach VOLUME NODE} lines. */
    final List<String> storage = new ArrayList<>();

    @Override
    public void volumeProvisioned(io.flotilla.scheduler.storage.VolumeSpec spec, java.util.Optional<String> node) {
        storage.add(now / S + "s provision " + spec.name() + node.map(n -> " " + n).orElse(""));
    }

    @Override
    public void volumeAttached(String volume, String node) {
        storage.add(now / S + "s attach " + volume + " " + node);
    }

    @Override
    public void volumeDetached(String volume) {
        storage.add(now / S + "s detach " + volume);
    }

    @Override
    public void volumeDeleted(String volume) {
        storage.add(now / S + "s delete " + volume);
    }
}
