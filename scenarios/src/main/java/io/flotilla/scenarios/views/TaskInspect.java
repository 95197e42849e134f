package io.flotilla.scenarios.views;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.VolumeClaimTemplate;
import io.flotilla.scheduler.model.FileReference;
import io.flotilla.scheduler.model.HealthCheck;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.VolumeMount;
import io.flotilla.sim.events.NetworkCreated;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code docker inspect} of a task: the manager's record as the Engine API's {@code swarm.Task}
 * serializes it, field for field in its order: ID, Version, CreatedAt, UpdatedAt, Name, Labels,
 * Spec (with the secrets and configs the task is granted), ServiceID, Slot, NodeID, Status (Timestamp, State, Message, Err, ContainerStatus,
 * PortStatus), DesiredState, NetworksAttachments (each network with the task's address in it, as
 * far as the data plane gave it one) and Volumes.
 *
 * <p>A task's compose volumes are its container spec's {@code Mounts}, as {@code docker stack
 * deploy} writes them (a named volume's driver in its {@code VolumeOptions}, a statefulset
 * ordinal's one volume per claim template); its {@code Volumes}, which list only Swarm's cluster
 * (CSI) volumes, stay null, as the volumes here are the engine's and its plugins'.
 *
 * <p>Stand-ins, as the simulation has no such things: IDs come from {@link DisplayIds}, a running
 * container's PID from the same hash, {@code Version.Index} is the event log's position of the
 * task's last change, and times are virtual time from the Unix epoch ({@link WallClock}).
 */
public final class TaskInspect {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The routing mesh's network: Docker's default ingress subnet and the first VXLAN ID. */
    private static final String INGRESS = "ingress";
    private static final String INGRESS_SUBNET = "10.0.0.0/24";
    private static final int INGRESS_VNI = 4096;

    private TaskInspect() {}

    /** The JSON {@code docker inspect} prints for the newest task named {@code name} (a slot), if there is one. */
    public static Optional<String> render(RunMoment m, String name) {
        Optional<TaskRecord> task = m.tasks().stream()
                .filter(t -> t.name().equals(name) || t.id().equals(name))
                .reduce((older, newer) -> newer);
        return task.map(t -> {
            ArrayNode all = JSON.arrayNode();
            all.add(task(m, t));
            return GoJson.indent(all);
        });
    }

    private static ObjectNode task(RunMoment m, TaskRecord t) {
        ObjectNode o = JSON.objectNode();
        o.put("ID", m.ids().swarm("task", t.id()));
        o.putObject("Version").put("Index", t.lastChangeSeq());
        o.put("CreatedAt", WallClock.rfc3339Nano(t.createdAt()));
        o.put("UpdatedAt", WallClock.rfc3339Nano(t.updatedAt()));
        o.put("Name", t.name());
        o.putObject("Labels");
        Optional<TaskSpec> spec = ServiceSpecs.at(m.scenario(), t.service(), t.createdAt()).map(ServiceSpec::task);
        o.set("Spec", spec(m, t, spec));
        o.put("ServiceID", m.ids().swarm("service", t.service()));
        if (t.slot() > 0) {
            o.put("Slot", t.slot());
        }
        t.node().ifPresent(n -> o.put("NodeID", m.ids().swarm("node", n)));
        o.set("Status", status(m, t, spec));
        o.put("DesiredState", t.desired().lowerName());
        if (!t.addresses().isEmpty()) {
            ArrayNode attachments = o.putArray("NetworksAttachments");
            t.addresses().forEach((network, address) -> attachments.add(attachment(m, network, address)));
        }
        o.putNull("Volumes");
        return o;
    }

    private static ObjectNode spec(RunMoment m, TaskRecord t, Optional<TaskSpec> spec) {
        ObjectNode s = JSON.objectNode();
        ObjectNode container = s.putObject("ContainerSpec");
        container.put("Image", t.image());
        container.put("Init", false);
        List<VolumeMount> mounts = mounts(m, t, spec);
        if (!mounts.isEmpty()) {
            ArrayNode list = container.putArray("Mounts");
            mounts.forEach(v -> list.add(mount(v, m.scenario())));
        }
        spec.ifPresent(ts -> container.put("StopGracePeriod", ts.stopGracePeriodNanos()));
        spec.flatMap(TaskSpec::healthcheck).ifPresent(h -> container.set("Healthcheck", healthcheck(h)));
        container.putObject("DNSConfig");
        spec.ifPresent(ts -> {
            files(ts, FileReference.Kind.SECRET).ifPresent(list -> container.set("Secrets", list));
            files(ts, FileReference.Kind.CONFIG).ifPresent(list -> container.set("Configs", list));
        });
        container.put("Isolation", "default");
        ObjectNode resources = s.putObject("Resources");
        resources.set("Limits", resources(spec.map(TaskSpec::limits).orElse(Resources.NONE), false));
        resources.set("Reservations", resources(spec.map(TaskSpec::reservations).orElse(Resources.NONE), true));
        spec.map(TaskSpec::restartPolicy).ifPresent(r -> s.set("RestartPolicy", restartPolicy(r)));
        spec.map(TaskSpec::placement).ifPresent(p -> s.set("Placement", placement(p)));
        if (spec.isPresent() && !spec.get().networks().isEmpty()) {
            ArrayNode networks = s.putArray("Networks");
            for (String n : spec.get().networks()) {
                ObjectNode attachment = networks.addObject();
                attachment.put("Target", m.ids().swarm("network", n));
                attachment.putArray("Aliases").add(t.service());
            }
        }
        s.put("ForceUpdate", 0);
        return s;
    }

    /**
     * The task's secret or config references as the Engine API's {@code SecretReference} and
     * {@code ConfigReference}: File (Name, UID, GID, Mode as a number, Go's {@code os.FileMode}),
     * then the object's ID and name; absent when there are none ({@code omitempty}). A secret's
     * Name is its target relative to {@code /run/secrets/}, as {@code docker stack deploy} sends it
     * and the daemon resolves it; a config's is its path.
     */
    private static Optional<ArrayNode> files(TaskSpec spec, FileReference.Kind kind) {
        List<FileReference> files = spec.files(kind);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        String word = kind == FileReference.Kind.SECRET ? "Secret" : "Config";
        ArrayNode list = JSON.arrayNode();
        for (FileReference f : files) {
            ObjectNode reference = list.addObject();
            ObjectNode file = reference.putObject("File");
            file.put("Name", fileName(f));
            file.put("UID", f.uid());
            file.put("GID", f.gid());
            file.put("Mode", f.mode());
            reference.put(word + "ID", f.id());
            reference.put(word + "Name", f.name());
        }
        return Optional.of(list);
    }

    private static String fileName(FileReference f) {
        String directory = FileReference.Kind.SECRET.directory();
        return f.kind() == FileReference.Kind.SECRET && f.target().startsWith(directory)
                ? f.target().substring(directory.length())
                : f.target();
    }

    /** The task's mounts: its service's, and for a statefulset's ordinal a volume per claim template. */
    private static List<VolumeMount> mounts(RunMoment m, TaskRecord t, Optional<TaskSpec> spec) {
        List<VolumeMount> out = new ArrayList<>(spec.map(TaskSpec::mounts).orElse(List.of()));
        ServiceSpecs.statefulSet(m.scenario(), t.service(), t.createdAt()).ifPresent(set -> {
            for (VolumeClaimTemplate c : set.volumeClaimTemplates()) {
                boolean network = Optional.ofNullable(m.scenario().storageClasses().get(c.storageClass()))
                        .map(sc -> sc.type().equals("network")).orElse(false);
                out.add(VolumeMount.volume(c.name() + "-" + t.name(), "/" + c.name(), false,
                        network ? c.storageClass() : VolumeMount.LOCAL));
            }
        });
        return out;
    }

    /** One mount as the Engine API's {@code mount.Mount} serializes it, empty fields left out. */
    private static ObjectNode mount(VolumeMount v, Scenario scenario) {
        ObjectNode o = JSON.objectNode();
        o.put("Type", v.type().word());
        o.put("Source", v.source());
        o.put("Target", v.target());
        if (v.readOnly()) {
            o.put("ReadOnly", true);
        }
        if (v.type() == VolumeMount.Type.VOLUME && !v.driver().isEmpty()) {
            ObjectNode options = o.putObject("VolumeOptions");
            // docker stack deploy copies the top-level volume's labels into the mount's VolumeOptions.
            Optional.ofNullable(scenario.volumes().get(v.source())).filter(d -> !d.labels().isEmpty())
                    .ifPresent(d -> d.labels().forEach(options.putObject("Labels")::put));
            options.putObject("DriverConfig").put("Name", v.driver());
        }
        return o;
    }

    private static ObjectNode healthcheck(HealthCheck h) {
        ObjectNode o = JSON.objectNode();
        o.put("Interval", h.intervalNanos());
        o.put("Timeout", h.timeoutNanos());
        if (h.startPeriodNanos() > 0) {
            o.put("StartPeriod", h.startPeriodNanos());
        }
        o.put("Retries", h.retries());
        return o;
    }

    private static ObjectNode resources(Resources r, boolean generic) {
        ObjectNode o = JSON.objectNode();
        if (r.nanoCpus() > 0) {
            o.put("NanoCPUs", r.nanoCpus());
        }
        if (r.memoryBytes() > 0) {
            o.put("MemoryBytes", r.memoryBytes());
        }
        if (generic && !r.generic().isEmpty()) {
            ArrayNode list = o.putArray("GenericResources");
            r.generic().forEach((kind, value) -> {
                ObjectNode discrete = list.addObject().putObject("DiscreteResourceSpec");
                discrete.put("Kind", kind);
                discrete.put("Value", value);
            });
        }
        return o;
    }

    private static ObjectNode restartPolicy(RestartPolicy r) {
        ObjectNode o = JSON.objectNode();
        o.put("Condition", r.condition().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("Delay", r.delayNanos());
        o.put("MaxAttempts", r.maxAttempts());
        if (r.windowNanos() > 0) {
            o.put("Window", r.windowNanos());
        }
        return o;
    }

    private static ObjectNode placement(Placement p) {
        ObjectNode o = JSON.objectNode();
        if (!p.constraints().isEmpty()) {
            ArrayNode constraints = o.putArray("Constraints");
            p.constraints().forEach(constraints::add);
        }
        if (!p.spreadPreferences().isEmpty()) {
            ArrayNode preferences = o.putArray("Preferences");
            p.spreadPreferences().forEach(d -> preferences.addObject().putObject("Spread").put("SpreadDescriptor", d));
        }
        if (p.maxReplicas() > 0) {
            o.put("MaxReplicas", p.maxReplicas());
        }
        if (!p.platforms().isEmpty()) {
            ArrayNode platforms = o.putArray("Platforms");
            for (Platform platform : p.platforms()) {
                ObjectNode entry = platforms.addObject();
                entry.put("Architecture", platform.arch());
                entry.put("OS", platform.os());
            }
        }
        return o;
    }

    private static ObjectNode status(RunMoment m, TaskRecord t, Optional<TaskSpec> spec) {
        ObjectNode o = JSON.objectNode();
        o.put("Timestamp", WallClock.rfc3339Nano(t.reportedAt()));
        o.put("State", t.reported().lowerName());
        if (!t.reportedMessage().isEmpty()) {
            o.put("Message", t.reportedMessage());
        }
        t.error().ifPresent(e -> o.put("Err", e));
        if (t.reported().compareTo(TaskState.READY) >= 0) {
            ObjectNode container = o.putObject("ContainerStatus");
            container.put("ContainerID", m.ids().container(t.id()));
            container.put("PID", t.reported() == TaskState.RUNNING ? m.ids().number("pid", t.id(), 1000, 60000) : 0);
            container.put("ExitCode", exitCode(t));
        }
        ObjectNode portStatus = o.putObject("PortStatus");
        if (t.reported() == TaskState.RUNNING && spec.isPresent()) {
            ArrayNode ports = JSON.arrayNode();
            for (PortConfig p : spec.get().ports()) {
                if (p.mode() == PublishMode.HOST && p.published() > 0) {
                    ObjectNode port = ports.addObject();
                    port.put("Protocol", p.protocol());
                    port.put("TargetPort", p.target());
                    port.put("PublishedPort", p.published());
                    port.put("PublishMode", "host");
                }
            }
            if (!ports.isEmpty()) {
                portStatus.set("Ports", ports);
            }
        }
        return o;
    }

    private static int exitCode(TaskRecord t) {
        if (t.reported() != TaskState.FAILED) {
            return 0;
        }
        return Termination.exitCode(t.error().orElse(""));
    }

    private static ObjectNode attachment(RunMoment m, String network, String address) {
        Optional<NetworkCreated> created = Optional.ofNullable(m.networks().get(network));
        String subnet = created.map(NetworkCreated::subnet).filter(s -> !s.isEmpty())
                .orElse(network.equals(INGRESS) ? INGRESS_SUBNET : "");
        String driver = created.map(NetworkCreated::driver).orElse("overlay");
        ObjectNode a = JSON.objectNode();
        ObjectNode n = a.putObject("Network");
        n.put("ID", m.ids().swarm("network", network));
        n.putObject("Version").put("Index", 0);
        n.put("CreatedAt", WallClock.rfc3339Nano(0));
        n.put("UpdatedAt", WallClock.rfc3339Nano(0));
        ObjectNode spec = n.putObject("Spec");
        spec.put("Name", network);
        spec.putObject("Labels");
        ObjectNode driverConfig = spec.putObject("DriverConfiguration");
        driverConfig.put("Name", driver);
        if (created.map(NetworkCreated::encrypted).orElse(false)) {
            driverConfig.putObject("Options").put("encrypted", "");
        }
        if (network.equals(INGRESS)) {
            spec.put("Ingress", true);
        }
        spec.set("IPAMOptions", ipam(subnet));
        spec.put("Scope", "swarm");
        ObjectNode state = n.putObject("DriverState");
        state.put("Name", driver);
        int vni = network.equals(INGRESS) ? INGRESS_VNI : created.map(NetworkCreated::vni).orElse(0);
        if (vni > 0) {
            state.putObject("Options").put("com.docker.network.driver.overlay.vxlanid_list", Integer.toString(vni));
        }
        n.set("IPAMOptions", ipam(subnet));
        a.putArray("Addresses").add(subnet.isEmpty() ? address : address + subnet.substring(subnet.indexOf('/')));
        return a;
    }

    private static ObjectNode ipam(String subnet) {
        ObjectNode o = JSON.objectNode();
        o.putObject("Driver").put("Name", "default");
        if (!subnet.isEmpty()) {
            ObjectNode config = o.putArray("Configs").addObject();
            config.put("Subnet", subnet);
            config.put("Gateway", gateway(subnet));
        }
        return o;
    }

    /** The subnet's first host address, which libnetwork's IPAM gives the gateway. */
    private static String gateway(String subnet) {
        String[] octets = subnet.substring(0, subnet.indexOf('/')).split("\\.");
        long value = 0;
        for (String octet : octets) {
            value = value << 8 | Integer.parseInt(octet);
        }
        value++;
        return (value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255);
    }
}
