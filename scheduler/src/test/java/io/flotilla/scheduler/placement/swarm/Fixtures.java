package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Fluent builders: {@code node("n1").cpus(4).label("zone", "a")}, {@code task("t1").service("web")}. */
final class Fixtures {

    static final long GB = 1_000_000_000L;

    private Fixtures() {}

    static NodeBuilder node(String name) {
        return new NodeBuilder(name);
    }

    static TaskBuilder task(String id) {
        return new TaskBuilder(id);
    }

    static final class NodeBuilder {
        private final String name;
        private NodeRole role = NodeRole.WORKER;
        private Resources resources = Resources.NONE;
        private final TreeMap<String, String> labels = new TreeMap<>();
        private final TreeMap<String, String> engineLabels = new TreeMap<>();
        private Platform platform = Platform.LINUX_AMD64;
        private NodeStatus status = NodeStatus.READY;
        private Availability availability = Availability.ACTIVE;
        private final List<String> plugins = new ArrayList<>();

        private NodeBuilder(String name) {
            this.name = name;
        }

        NodeBuilder cpus(double cpus) {
            resources = new Resources(Math.round(cpus * Resources.NANOS_PER_CPU), resources.memoryBytes(), resources.generic());
            return this;
        }

        NodeBuilder memory(long bytes) {
            resources = new Resources(resources.nanoCpus(), bytes, resources.generic());
            return this;
        }

        NodeBuilder generic(String kind, long amount) {
            resources = resources.withGeneric(kind, amount);
            return this;
        }

        NodeBuilder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        NodeBuilder engineLabel(String key, String value) {
            engineLabels.put(key, value);
            return this;
        }

        NodeBuilder platform(String os, String arch) {
            platform = new Platform(os, arch);
            return this;
        }

        NodeBuilder noPlatform() {
            platform = null;
            return this;
        }

        /** A volume plugin installed on the node's engine. */
        NodeBuilder plugin(String plugin) {
            plugins.add(plugin);
            return this;
        }

        NodeBuilder role(NodeRole r) {
            role = r;
            return this;
        }

        NodeBuilder status(NodeStatus s) {
            status = s;
            return this;
        }

        NodeBuilder availability(Availability a) {
            availability = a;
            return this;
        }

        Node build() {
            return new Node(new NodeSpec(name, role, resources, labels, engineLabels, platform, List.of(), plugins), status, availability);
        }
    }

    static final class TaskBuilder {
        private final String id;
        private String service = "service1";
        private int specVersion = 1;
        private Resources reservations = Resources.NONE;
        private final List<String> constraints = new ArrayList<>();
        private final List<String> spread = new ArrayList<>();
        private int maxReplicas;
        private final List<Platform> platforms = new ArrayList<>();
        private final List<PortConfig> ports = new ArrayList<>();
        private final List<VolumeMount> mounts = new ArrayList<>();
        private String node;
        private TaskState state = TaskState.PENDING;
        private TaskState desired = TaskState.RUNNING;

        private TaskBuilder(String id) {
            this.id = id;
        }

        TaskBuilder service(String s) {
            service = s;
            return this;
        }

        TaskBuilder version(int v) {
            specVersion = v;
            return this;
        }

        TaskBuilder cpus(double cpus) {
            reservations = new Resources(Math.round(cpus * Resources.NANOS_PER_CPU), reservations.memoryBytes(), reservations.generic());
            return this;
        }

        TaskBuilder memory(long bytes) {
            reservations = new Resources(reservations.nanoCpus(), bytes, reservations.generic());
            return this;
        }

        TaskBuilder generic(String kind, long amount) {
            reservations = reservations.withGeneric(kind, amount);
            return this;
        }

        TaskBuilder constraint(String c) {
            constraints.add(c);
            return this;
        }

        TaskBuilder spread(String descriptor) {
            spread.add(descriptor);
            return this;
        }

        TaskBuilder maxReplicas(int max) {
            maxReplicas = max;
            return this;
        }

        TaskBuilder platform(String os, String arch) {
            platforms.add(new Platform(os, arch));
            return this;
        }

        TaskBuilder hostPort(String protocol, int published) {
            ports.add(new PortConfig(protocol, 80, published, PublishMode.HOST));
            return this;
        }

        TaskBuilder ingressPort(int published) {
            ports.add(new PortConfig("tcp", 80, published, PublishMode.INGRESS));
            return this;
        }

        /** A named volume of {@code driver} mounted at /foo. */
        TaskBuilder volume(String source, String driver) {
            mounts.add(VolumeMount.volume(source, "/foo", false, driver));
            return this;
        }

        /** A bind mount of a host path at /foo. */
        TaskBuilder bind(String source) {
            mounts.add(VolumeMount.bind(source, "/foo", false));
            return this;
        }

        /** Already on a node: RUNNING unless {@link #state} says otherwise. */
        TaskBuilder on(String nodeName) {
            node = nodeName;
            if (state == TaskState.PENDING) {
                state = TaskState.RUNNING;
            }
            return this;
        }

        /** PENDING with its node already chosen, as a global service's task. */
        TaskBuilder preassigned(String nodeName) {
            node = nodeName;
            state = TaskState.PENDING;
            return this;
        }

        TaskBuilder state(TaskState s) {
            state = s;
            return this;
        }

        TaskBuilder desired(TaskState d) {
            desired = d;
            return this;
        }

        Task build() {
            Placement placement = new Placement(constraints, spread, maxReplicas, platforms);
            TaskSpec spec = new TaskSpec("app:1", reservations, Resources.NONE, placement, ports, List.of(), RestartPolicy.DEFAULT,
                    java.util.Optional.empty(), TaskSpec.DEFAULT_STOP_GRACE_NANOS).withMounts(mounts);
            return new Task(id, id, service, 0, specVersion, spec, node, state, desired, null);
        }
    }
}
