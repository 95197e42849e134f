package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.SourcePos;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.storage.StorageDriver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The {@code nodes} list: one item per node, or per group of nodes with {@code count}. */
final class NodesBinder {

    static final List<String> KEYS = List.of(
            "name", "role", "count", "resources", "labels", "engine_labels", "availability", "platform", "taints",
            "pull_bandwidth", "plugins", "storage_driver", "disk");
    static final int MAX_COUNT = 100_000;
    static final List<String> SIMULATED_DRIVERS =
            java.util.Arrays.stream(StorageDriver.values()).map(StorageDriver::key).toList();
    /** Drivers Docker Engine removed, and the release that removed them (docs/deprecated.md). */
    static final Map<String, String> REMOVED_DRIVERS = Map.of("devicemapper", "25.0", "aufs", "24.0", "overlay", "24.0");
    /** Drivers the engine has that Flotilla does not simulate. */
    static final List<String> OTHER_DRIVERS = List.of("btrfs", "zfs", "windowsfilter");

    static final Map<String, NodeRole> ROLES = Values.choices("manager", NodeRole.MANAGER, "worker", NodeRole.WORKER);
    static final Map<String, Availability> AVAILABILITIES =
            Values.choices("active", Availability.ACTIVE, "pause", Availability.PAUSE, "drain", Availability.DRAIN);

    private static final Pattern TAINT =
            Pattern.compile("[A-Za-z0-9][-A-Za-z0-9_./]*(=[-A-Za-z0-9_.]*)?:(NoSchedule|PreferNoSchedule|NoExecute)");

    private final Problems problems;
    /** Where each name was first produced, for the duplicate message. */
    private final Map<String, String> firstSeen = new HashMap<>();

    NodesBinder(Problems problems) {
        this.problems = problems;
    }

    List<NodeDecl> bind(Fields top) {
        List<NodeDecl> nodes = new ArrayList<>();
        Optional<Node> list = top.value("nodes");
        if (list.isEmpty()) {
            problems.add(top.key("nodes").orElse(top.node()), "a scenario needs 'nodes' with at least one node");
            return nodes;
        }
        List<Node> items = Values.list(list.get(), "nodes", problems);
        if (items.isEmpty() && (list.get() instanceof SequenceNode || Yaml.isNull(list.get()))) {
            // nodes: [] is as empty a cluster as no nodes at all (the schema says minItems: 1).
            problems.add(list.get(), "a scenario needs 'nodes' with at least one node");
        }
        for (Node item : items) {
            Fields.of(item, "nodes", "node", problems, KEYS).ifPresent(f -> nodes.addAll(bindItem(f)));
        }
        return nodes;
    }

    private List<NodeDecl> bindItem(Fields f) {
        Optional<Node> nameNode = f.required("name");
        Optional<String> name = f.string("name");
        int count = f.integer("count", 1, 1, MAX_COUNT);
        // The longest name it makes: NAME-COUNT with a count.
        name.flatMap(n -> Names.node(n, f.has("count") ? n + "-" + count : n))
                .ifPresent(why -> problems.add(nameNode.get(), "name: " + why));
        NodeRole role = f.choice("role", ROLES, NodeRole.WORKER);
        Resources resources = f.section("resources", "resources", ResourcesBinder.KEYS)
                .map(ResourcesBinder::node)
                .orElse(Resources.NONE);
        TreeMap<String, String> labels = labels(f, "labels");
        TreeMap<String, String> engineLabels = labels(f, "engine_labels");
        Availability availability = f.choice("availability", AVAILABILITIES, Availability.ACTIVE);
        Platform platform = f.section("platform", "platform", PlatformBinder.KEYS)
                .map(PlatformBinder::node)
                .orElse(Platform.LINUX_AMD64);
        List<String> taints = taints(f);
        List<String> plugins = plugins(f);
        StorageDriver driver = storageDriver(f);
        java.util.OptionalLong disk = f.size("disk");
        f.value("disk").ifPresent(n -> {
            if (disk.isPresent() && disk.getAsLong() <= 0) {
                problems.add(n, "disk: must be more than 0");
            }
        });
        long bandwidth = f.value("pull_bandwidth")
                .map(n -> Values.bandwidth(n, "pull_bandwidth", problems))
                .orElse(java.util.OptionalLong.empty())
                .orElse(NodeDecl.DEFAULT_PULL_BANDWIDTH);
        f.value("pull_bandwidth").ifPresent(n -> {
            if (Yaml.isScalar(n) && Quantities.bytesPerSecond(Yaml.text(n)).orElse(1) == 0) {
                problems.add(n, "pull_bandwidth: must be more than 0");
            }
        });
        if (name.isEmpty()) {
            return List.of();
        }
        boolean counted = f.has("count");
        List<NodeDecl> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String nodeName = counted ? name.get() + "-" + i : name.get();
            noteName(nodeName, nameNode.get(), counted);
            NodeSpec spec = new NodeSpec(nodeName, role, resources, labels, engineLabels, platform, taints, plugins);
            out.add(new NodeDecl(spec, availability, bandwidth, disk, driver, f.pos()));
        }
        return out;
    }

    private void noteName(String nodeName, Node at, boolean counted) {
        SourcePos pos = Yaml.pos(at);
        String origin = "line " + pos.line() + (counted ? " with count" : "");
        String first = firstSeen.putIfAbsent(nodeName, origin);
        if (first != null) {
            problems.add(at, "duplicate node name '" + nodeName + "' (first at " + first + ")");
        }
    }

    private TreeMap<String, String> labels(Fields f, String key) {
        TreeMap<String, String> out = new TreeMap<>();
        f.section(key, key, null).ifPresent(section -> {
            for (Fields.Entry e : section.entries()) {
                if (Yaml.isNull(e.value())) {
                    out.put(e.name(), "");
                } else {
                    Values.string(e.value(), e.name(), problems).ifPresent(v -> out.put(e.name(), v));
                }
            }
        });
        return out;
    }

    /**
     * The storage driver: the ones simulated, or the engine's own refusal for the drivers Docker
     * Engine removed; any other is not simulated yet.
     */
    private StorageDriver storageDriver(Fields f) {
        Optional<Node> value = f.value("storage_driver");
        Optional<String> name = value.flatMap(n -> Values.string(n, "storage_driver", problems));
        if (name.isEmpty()) {
            return StorageDriver.OVERLAY2;
        }
        Optional<StorageDriver> driver = StorageDriver.of(name.get());
        if (driver.isPresent()) {
            return driver.get();
        }
        String removed = REMOVED_DRIVERS.get(name.get());
        if (removed != null) {
            problems.add(value.get(), "storage_driver: the " + name.get() + " storage driver was removed in Docker Engine " + removed
                    + "; use overlay2");
        } else if (OTHER_DRIVERS.contains(name.get())) {
            problems.notSimulated(value.get(), "storage_driver: " + name.get(), "the " + name.get() + " storage driver");
        } else {
            problems.add(value.get(), "storage_driver: unknown storage driver '" + name.get() + "'"
                    + Suggestions.didYouMean(name.get(), SIMULATED_DRIVERS) + "; the simulated ones are " + String.join(", ", SIMULATED_DRIVERS));
        }
        return StorageDriver.OVERLAY2;
    }

    /**
     * The volume plugins installed on the node ({@code docker plugin install}), by name, with an
     * optional tag; {@code local} is built in and needs no listing.
     */
    private List<String> plugins(Fields f) {
        List<String> out = new ArrayList<>();
        for (Node item : f.list("plugins")) {
            Values.string(item, "plugins", problems).ifPresent(p -> {
                if (!Names.PLAIN.matcher(p).matches()) {
                    problems.add(item, "plugins: '" + p + "' is not a plugin name such as azurefile or vieux/sshfs:latest");
                } else if (out.contains(p)) {
                    problems.add(item, "plugins: '" + p + "' is listed twice");
                } else {
                    out.add(p);
                }
            });
        }
        return out;
    }

    /** Kubernetes taints, {@code key[=value]:Effect}; used by the kubernetes strategy. */
    private List<String> taints(Fields f) {
        List<String> out = new ArrayList<>();
        for (Node item : f.list("taints")) {
            Optional<String> taint = Values.string(item, "taints", problems);
            if (taint.isPresent() && !TAINT.matcher(taint.get()).matches()) {
                problems.add(item, "taints: '" + taint.get()
                        + "' is not a taint such as dedicated=db:NoSchedule (effect NoSchedule, PreferNoSchedule or NoExecute)");
            } else {
                taint.ifPresent(out::add);
            }
        }
        return out;
    }
}
