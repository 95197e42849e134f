package io.flotilla.scenarios.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker stack file (compose file format version 3) as a scenario under the swarm strategy. The
 * scenario format is the stack file's own vocabulary, so what it has words for is carried as written:
 * {@code image}, {@code networks}, {@code ports}, {@code healthcheck}, {@code stop_grace_period},
 * the security keys, secrets and configs (declared and granted), and {@code deploy} (mode, replicas,
 * endpoint mode, placement, resources, restart, update and rollback settings). The rest is reported,
 * each key at its position: what runs inside a container (command, environment...), what
 * {@code docker stack deploy} itself ignores (build, depends_on, restart...), and what is not
 * simulated (logging). Top-level {@code volumes} (their {@code driver} and {@code size}) and a service's
 * {@code volumes} (short and long form, named volumes and bind mounts) are carried too; a stack whose
 * volumes use a plugin driver gets that plugin on every node of the default cluster, as its nodes must list it.
 *
 * <p>A service without {@code networks} is put on a network named {@code default}, as {@code docker
 * stack deploy} puts it on the stack's default network.
 */
final class ComposeImport {

    static final String DEFAULT_NETWORK = "default";

    static final List<String> SERVICE_KEYS = List.of("image", "networks", "ports", "healthcheck", "stop_grace_period", "deploy",
            "user", "read_only", "cap_add", "cap_drop", "privileged", "security_opt", "secrets", "configs", "volumes");
    /** Keys carried as written: the format's words are compose's. */
    static final List<String> AS_WRITTEN = List.of("stop_grace_period", "user", "read_only", "cap_add", "cap_drop", "privileged",
            "security_opt", "secrets", "configs");
    static final List<String> SECRET_KEYS = List.of("file", "external", "name");
    static final List<String> DEPLOY_KEYS = List.of("mode", "replicas", "endpoint_mode", "placement", "resources", "restart_policy",
            "update_config", "rollback_config");
    static final List<String> PLACEMENT_KEYS = List.of("constraints", "preferences", "max_replicas_per_node");
    static final List<String> UPDATE_KEYS = List.of("parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order");
    static final List<String> RESTART_KEYS = List.of("condition", "delay", "max_attempts", "window");
    static final List<String> HEALTHCHECK_KEYS = List.of("test", "interval", "timeout", "retries", "start_period", "disable");
    static final List<String> PORT_KEYS = List.of("target", "published", "protocol", "mode");
    static final List<String> VOLUME_KEYS = List.of("driver", "size");
    static final List<String> MOUNT_KEYS = List.of("type", "source", "target", "read_only");
    static final List<String> MOUNT_TYPES = List.of("volume", "bind");

    private static final String INSIDE = "what runs inside a container is not simulated";
    private static final String VOLUME_OPTION = "not simulated yet: the volume is the driver's, made with no options";
    private static final Map<String, String> SERVICE_WHY = Drops.reasons(
            "build", "images are not built; the service runs its image (NAME:latest without one)",
            "command", INSIDE, "entrypoint", INSIDE, "environment", INSIDE, "env_file", INSIDE, "working_dir", INSIDE,
            "tty", INSIDE, "stdin_open", INSIDE, "init", INSIDE, "stop_signal", INSIDE,
            "sysctls", INSIDE, "ulimits", INSIDE, "devices", INSIDE, "tmpfs", INSIDE, "shm_size", INSIDE,
            "depends_on", "start order is not simulated (docker stack deploy ignores depends_on too)",
            "restart", "docker stack deploy ignores restart; deploy.restart_policy is what a service follows",
            "container_name", "docker stack deploy ignores container_name; tasks are named SERVICE.SLOT",
            "links", "docker stack deploy ignores links; services find each other by name on a shared network",
            "expose", "a task is reachable on every port of its networks; expose changes nothing",
            "labels", "container labels are not simulated", "logging", "logging is not simulated",
            "hostname", "a task's hostname is not simulated", "dns", "DNS servers are not simulated; the embedded DNS answers",
            "dns_search", "DNS servers are not simulated; the embedded DNS answers",
            "extra_hosts", "host entries are not simulated");
    private static final Map<String, String> TOP_WHY = Drops.reasons(
            "version", "the scenario format is version 3's vocabulary; it needs no version",
            "name", "the scenario is named after the file");
    private static final Pattern SHORT_PORT =
            Pattern.compile("(?:(?<ip>\\[[^\\]]*\\]|[0-9]+\\.[0-9.]+):)?(?:(?<published>[0-9-]+):)?(?<target>[0-9-]+)(?:/(?<proto>[a-z]+))?");

    private final Drops drops;
    private final Draft.Mapping networks = new Draft.Mapping();
    private final Draft.Mapping services = new Draft.Mapping();
    private final Draft.Mapping volumes = new Draft.Mapping();
    private final List<String> plugins = new ArrayList<>();
    private final Map<String, Long> running = new LinkedHashMap<>();
    private boolean usesDefaultNetwork;

    private ComposeImport(Drops drops) {
        this.drops = drops;
    }

    /** The stack file's networks and services, into {@code scenario}; returns how many tasks of each should run. */
    static Imported read(SourceNode root, Draft.Mapping scenario, int nodes, Drops drops) {
        ComposeImport c = new ComposeImport(drops);
        drops.unknownKeys(root, List.of("services", "networks", "secrets", "configs", "volumes"), TOP_WHY,
                "not part of a stack file's version 3 format");
        root.get("networks").ifPresent(c::networks);
        root.get("volumes").ifPresent(c::volumes);
        root.get("services").ifPresent(s -> s.entries().forEach((name, service) -> c.service(name, service, nodes)));
        List<String> notes = new ArrayList<>();
        if (!c.plugins.isEmpty()) {
            // A plugin volume mounts only on a node whose engine has the plugin (swarmkit's PluginFilter), and a
            // service using it may be placed on any node, the manager too (node.role == manager).
            Draft.Seq list = new Draft.Seq();
            c.plugins.forEach(p -> list.add(new Draft.Scalar(p)));
            nodes(scenario).forEach(n -> n.put("plugins", list));
            notes.add("Every node has the volume plugin" + (c.plugins.size() > 1 ? "s " : " ") + String.join(", ", c.plugins)
                    + ", which the stack's volumes use.");
        }
        if (c.usesDefaultNetwork && !c.networks.has(DEFAULT_NETWORK)) {
            c.networks.put(DEFAULT_NETWORK, new Draft.Mapping());
            notes.add("Services without networks are on the network 'default', as docker stack deploy puts them on the "
                    + "stack's default network.");
        }
        if (!c.networks.isEmpty()) {
            scenario.put("networks", c.networks);
        }
        if (!c.volumes.isEmpty()) {
            scenario.put("volumes", c.volumes, root.get("volumes").get().origin());
        }
        for (String kind : List.of("secrets", "configs")) {
            root.get(kind).ifPresent(section -> scenario.put(kind, c.declarations(section), section.origin()));
        }
        scenario.put("services", c.services);
        return new Imported(c.running, notes);
    }

    /** The default cluster's node entries, the manager's and the workers'. */
    private static List<Draft.Mapping> nodes(Draft.Mapping scenario) {
        List<Draft.Mapping> out = new ArrayList<>();
        Draft.Entry nodes = scenario.entries.get("nodes");
        if (nodes != null && nodes.value() instanceof Draft.Seq seq) {
            for (Draft.Entry e : seq.items) {
                if (e.value() instanceof Draft.Mapping m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** Top-level volumes: {@code driver} (local, or a plugin's name) and {@code size}, as written. */
    private void volumes(SourceNode section) {
        section.entries().forEach((name, v) -> {
            Draft.Mapping out = new Draft.Mapping();
            if (!v.isNull()) {
                Values.copyKeys(v, out, VOLUME_KEYS);
                drops.unknownKeys(v, VOLUME_KEYS, Drops.reasons("driver_opts", VOLUME_OPTION, "labels", "volume labels are "
                        + "not simulated yet", "name", "a volume goes by its key; a name of its own is not simulated yet",
                        "external", "the stack expects it to exist; the scenario makes it (external volumes are not simulated yet)"),
                        "not simulated");
                v.text("driver").filter(d -> !d.equals("local") && !plugins.contains(d)).ifPresent(plugins::add);
            }
            volumes.put(name, out, v.origin());
        });
    }

    /**
     * A service's mounts: short ({@code VOLUME:TARGET[:ro]}, {@code /host:TARGET}) and long
     * ({@code {type, source, target, read_only}}) as the format writes them; what it has no word for
     * is dropped, the mount or its key.
     */
    private void mounts(SourceNode section, Draft.Mapping service) {
        Draft.Seq out = new Draft.Seq();
        for (SourceNode item : section.items()) {
            if (item.isMapping()) {
                String type = item.text("type").orElse("");
                if (!MOUNT_TYPES.contains(type)) {
                    drops.drop(item, type.isEmpty() ? "a mount without a type is not simulated"
                            : type + " mounts are not simulated yet (volume and bind are)");
                    continue;
                }
                Draft.Mapping mount = new Draft.Mapping();
                Values.copyKeys(item, mount, MOUNT_KEYS);
                drops.unknownKeys(item, MOUNT_KEYS, Drops.reasons(
                        "volume", "volume options (nocopy, subpath) are not simulated yet",
                        "bind", "bind options (propagation, create_host_path, selinux) are not simulated yet",
                        "consistency", "mount consistency is not simulated"), "not simulated");
                out.add(mount, item.origin());
                continue;
            }
            String text = item.text().orElse("");
            String[] parts = text.split(":");
            if (parts.length == 1) {
                drops.drop(item, "anonymous volumes (a target without a source) are not simulated yet");
                continue;
            }
            if (parts.length == 3 && !List.of("ro", "rw").contains(parts[2])) {
                List<String> modes = List.of(parts[2].split(","));
                String kept = modes.contains("ro") ? ":ro" : "";
                drops.drop(item, "the mount options " + String.join(",", modes.stream().filter(m -> !m.equals("ro")
                        && !m.equals("rw")).toList()) + " are not simulated");
                out.add(parts[0] + ":" + parts[1] + kept, item.origin());
                continue;
            }
            out.add(Values.copy(item), item.origin()); // the parser says what is wrong with anything else
        }
        if (!out.isEmpty()) {
            service.put("volumes", out, section.origin());
        }
    }

    private void networks(SourceNode section) {
        section.entries().forEach((name, n) -> {
            Draft.Mapping out = new Draft.Mapping();
            Origin at = n.origin();
            n.get("driver").ifPresent(d -> {
                String driver = d.text().orElse("");
                if (List.of("overlay", "bridge", "macvlan", "ipvlan").contains(driver)) {
                    out.put("driver", driver, d.origin());
                } else {
                    drops.drop(d, "the " + driver + " driver is not simulated; the network is an overlay");
                }
            });
            n.get("ipam").flatMap(i -> i.get("config")).ifPresent(config -> {
                List<SourceNode> items = config.items();
                if (!items.isEmpty()) {
                    items.get(0).get("subnet").ifPresent(s -> out.put("subnet", Values.copy(s), s.origin()));
                }
            });
            boolean ipvlan = n.get("driver").flatMap(SourceNode::text).filter("ipvlan"::equals).isPresent();
            n.get("driver_opts").ifPresent(opts -> opts.entries().forEach((k, v) -> {
                if (k.equals("encrypted")) {
                    out.put("encrypted", true, v.origin());
                } else if ((k.equals("parent") || k.equals("ipvlan_mode")) && ipvlan) {
                    out.put(k, Values.copy(v), v.origin());
                } else {
                    drops.drop(v, "driver options other than encrypted (and an ipvlan network's parent and ipvlan_mode) are not simulated");
                }
            }));
            n.get("external").ifPresent(e -> drops.drop(e, "the stack expects it to exist; the scenario declares it"));
            drops.unknownKeys(n, List.of("driver", "ipam", "driver_opts", "external"), Map.of(), "not simulated");
            networks.put(name, out, at);
        });
    }

    private void service(String name, SourceNode s, int nodes) {
        Draft.Mapping out = new Draft.Mapping();
        drops.unknownKeys(s, SERVICE_KEYS, SERVICE_WHY, "not simulated");
        s.get("image").ifPresent(i -> out.put("image", Values.copy(i), i.origin()));
        Optional<SourceNode> nets = s.get("networks");
        if (nets.isPresent()) {
            Draft.Seq list = new Draft.Seq();
            if (nets.get().isMapping()) {
                nets.get().entries().forEach((net, options) -> {
                    list.add(net, nets.get().keys().get(net).origin());
                    if (!options.isNull()) {
                        drops.drop(options, "network aliases and addresses are not simulated");
                    }
                });
            } else {
                nets.get().items().forEach(n -> list.add(Values.copy(n), n.origin()));
            }
            out.put("networks", list, nets.get().origin());
        } else {
            usesDefaultNetwork = true;
            out.put("networks", new Draft.Seq().add(new Draft.Scalar(DEFAULT_NETWORK)));
        }
        s.get("ports").ifPresent(p -> ports(p, out));
        s.get("volumes").ifPresent(v -> mounts(v, out));
        s.get("healthcheck").ifPresent(h -> {
            Draft.Mapping check = new Draft.Mapping();
            Values.copyKeys(h, check, HEALTHCHECK_KEYS);
            drops.unknownKeys(h, HEALTHCHECK_KEYS, Map.of("start_interval", "start_interval is not simulated yet"), "not simulated");
            out.put("healthcheck", check, h.origin());
        });
        Values.copyKeys(s, out, AS_WRITTEN);
        boolean global = false;
        int replicas = 1;
        Optional<SourceNode> deploy = s.get("deploy");
        if (deploy.isPresent()) {
            Draft.Mapping d = deploy(deploy.get());
            global = d.entries.containsKey("mode") && "global".equals(((Draft.Scalar) d.entries.get("mode").value()).value());
            Draft.Entry r = d.entries.get("replicas");
            if (r != null && ((Draft.Scalar) r.value()).value() instanceof Long n) {
                replicas = n.intValue();
            }
            out.put("deploy", d, deploy.get().origin());
            if (global && d.entries.containsKey("placement")) {
                global = false; // how many nodes it runs on depends on its constraints: no count is expected
                replicas = -1;
            }
        }
        services.put(name, out, s.origin());
        if (global) {
            running.put(name, (long) nodes);
        } else if (replicas >= 0) {
            running.put(name, (long) replicas);
        }
    }

    /** Top-level secrets or configs: each {@code file}, {@code external} and {@code name}, as written. */
    private Draft.Mapping declarations(SourceNode section) {
        Draft.Mapping out = new Draft.Mapping();
        section.entries().forEach((key, declared) -> {
            Draft.Mapping d = new Draft.Mapping();
            Values.copyKeys(declared, d, SECRET_KEYS);
            drops.unknownKeys(declared, SECRET_KEYS, Map.of(), "not simulated");
            out.put(key, d, declared.origin());
        });
        return out;
    }

    private Draft.Mapping deploy(SourceNode d) {
        Draft.Mapping out = new Draft.Mapping();
        drops.unknownKeys(d, DEPLOY_KEYS, Map.of("labels", "service labels are not simulated"), "not simulated");
        d.get("mode").ifPresent(m -> {
            String mode = m.text().orElse("");
            if (mode.endsWith("-job")) {
                drops.drop(m, "jobs (tasks that run to completion) are not simulated; the service runs as "
                        + mode.substring(0, mode.length() - "-job".length()));
                out.put("mode", mode.substring(0, mode.length() - "-job".length()), m.origin());
            } else {
                out.put("mode", Values.copy(m), m.origin());
            }
        });
        Values.copyKeys(d, out, List.of("replicas", "endpoint_mode"));
        d.get("placement").ifPresent(p -> {
            Draft.Mapping placement = new Draft.Mapping();
            Values.copyKeys(p, placement, PLACEMENT_KEYS);
            drops.unknownKeys(p, PLACEMENT_KEYS, Map.of(), "not simulated");
            out.put("placement", placement, p.origin());
        });
        d.get("resources").ifPresent(r -> out.put("resources", resources(r), r.origin()));
        d.get("restart_policy").ifPresent(r -> out.put("restart_policy", section(r, RESTART_KEYS), r.origin()));
        d.get("update_config").ifPresent(u -> out.put("update_config", section(u, UPDATE_KEYS), u.origin()));
        d.get("rollback_config").ifPresent(u -> out.put("rollback_config", section(u, UPDATE_KEYS), u.origin()));
        return out;
    }

    private Draft.Mapping section(SourceNode from, List<String> keys) {
        Draft.Mapping out = new Draft.Mapping();
        Values.copyKeys(from, out, keys);
        drops.unknownKeys(from, keys, Map.of(), "not simulated");
        return out;
    }

    /** {@code reservations} and {@code limits}: cpus, memory, and compose's generic_resources as generic. */
    private Draft.Mapping resources(SourceNode r) {
        Draft.Mapping out = new Draft.Mapping();
        drops.unknownKeys(r, List.of("reservations", "limits"), Map.of(), "not simulated");
        for (String part : List.of("reservations", "limits")) {
            r.get(part).ifPresent(p -> {
                Draft.Mapping m = new Draft.Mapping();
                Values.copyKeys(p, m, List.of("cpus", "memory"));
                p.get("generic_resources").ifPresent(g -> {
                    Draft.Mapping generic = new Draft.Mapping();
                    for (SourceNode item : g.items()) {
                        Optional<SourceNode> spec = item.get("discrete_resource_spec");
                        if (spec.isPresent() && spec.get().text("kind").isPresent() && spec.get().get("value").isPresent()) {
                            generic.put(spec.get().text("kind").get(), Values.copy(spec.get().get("value").get()), item.origin());
                        } else {
                            drops.drop(item, "only discrete generic resources ({kind, value}) are simulated");
                        }
                    }
                    m.put("generic", generic, g.origin());
                });
                drops.unknownKeys(p, List.of("cpus", "memory", "generic_resources"),
                        Map.of("devices", "devices are not simulated", "pids", "a pids limit is not simulated"), "not simulated");
                out.put(part, m, p.origin());
            });
        }
        return out;
    }

    /**
     * Short ports ({@code "8080:80"}, {@code "80"}, {@code "9000:9000/udp"}) and long ones, as the
     * format writes them; a host address is dropped (every node's address is published), and a range
     * is dropped as a whole.
     */
    private void ports(SourceNode p, Draft.Mapping service) {
        Draft.Seq out = new Draft.Seq();
        for (SourceNode item : p.items()) {
            if (item.isMapping()) {
                Draft.Mapping port = new Draft.Mapping();
                Values.copyKeys(item, port, PORT_KEYS);
                drops.unknownKeys(item, PORT_KEYS, Map.of("host_ip", "ports are published on every node's address"), "not simulated");
                out.add(port, item.origin());
                continue;
            }
            String text = item.text().orElse("");
            Matcher m = SHORT_PORT.matcher(text);
            if (!m.matches()) {
                out.add(Values.copy(item), item.origin()); // the parser says what is wrong with it
                continue;
            }
            if ((m.group("published") != null && m.group("published").contains("-")) || m.group("target").contains("-")) {
                drops.drop(item, "port ranges are not simulated");
                continue;
            }
            if (m.group("ip") != null) {
                drops.drop(item, "the host address " + m.group("ip") + " is dropped: ports are published on every node's address");
            }
            String written = (m.group("published") == null ? "" : m.group("published") + ":") + m.group("target")
                    + (m.group("proto") == null ? "" : "/" + m.group("proto"));
            out.add(written, item.origin());
        }
        if (!out.isEmpty()) {
            service.put("ports", out, p.origin());
        }
    }
}
