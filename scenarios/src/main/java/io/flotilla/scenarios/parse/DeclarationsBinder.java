package io.flotilla.scenarios.parse;

import io.flotilla.network.driver.Driver;
import io.flotilla.scenarios.model.NetworkDecl;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.StorageClassDecl;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.model.StorageClassSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The named declarations other sections refer to: {@code networks}, {@code storage_classes}
 * ({@code registries} and {@code images} are {@link ImagesBinder}'s).
 */
final class DeclarationsBinder {

    static final List<String> NETWORK_KEYS = List.of("driver", "subnet", "encrypted", "parent", "ipvlan_mode");
    static final List<String> STORAGE_CLASS_KEYS =
            List.of("type", "binding", "zones", "attach_delay", "detach_delay", "max_volumes_per_node");
    /** What {@code max_volumes_per_node} is told under the swarm strategy. */
    static final String MAX_VOLUMES_UNDER_SWARM = "max_volumes_per_node: the swarm strategy runs a network class as a "
            + "volume plugin, and Flotilla gives a plugin no attach limit; this is the attach limit a Kubernetes CSI "
            + "driver reports in its CSINode, which the NodeVolumeLimits plugin reads";
    /**
     * What the rest of a network class's Kubernetes-only keys are told under the swarm strategy, by
     * key: Swarm runs the class as a volume plugin, which Flotilla lets any node with the plugin
     * mount at once, so they would change nothing there.
     */
    static final Map<String, String> KUBERNETES_ONLY_CLASS_KEYS = Map.of(
            "zones", "zones: the swarm strategy runs a network class as a volume plugin, which any node with the plugin "
                    + "mounts, in any zone; these are a Kubernetes StorageClass's allowedTopologies "
                    + "(topology.kubernetes.io/zone), where its provisioner makes volumes and which pins their pods to a zone",
            "attach_delay", "attach_delay: the swarm strategy runs a network class as a volume plugin, which Flotilla "
                    + "mounts at once as the container starts; this is how long a Kubernetes CSI driver's "
                    + "ControllerPublishVolume takes, the attach the attach/detach controller waits for before the "
                    + "kubelet mounts",
            "detach_delay", "detach_delay: the swarm strategy runs a network class as a volume plugin, which Flotilla "
                    + "unmounts at once as the container stops; this is how long a Kubernetes CSI driver's "
                    + "ControllerUnpublishVolume takes, the detach the attach/detach controller waits for before it "
                    + "attaches the volume elsewhere");
    static final Map<String, Driver> DRIVERS =
            Values.choices("overlay", Driver.OVERLAY, "bridge", Driver.BRIDGE, "macvlan", Driver.MACVLAN, "ipvlan", Driver.IPVLAN_L2);
    /** Docker's {@code ipvlan_mode} option: {@code l2} (its default) or {@code l3}. */
    static final Map<String, Driver> IPVLAN_MODES = Values.choices("l2", Driver.IPVLAN_L2, "l3", Driver.IPVLAN_L3);
    /** What {@code ipvlan_mode: l3s} is told: the kernel and Docker have it, the simulation does not. */
    static final String L3S_NOT_SIMULATED = "ipvlan_mode: l3s (L3 mode with the host's netfilter hooks on the way in) "
            + "is not simulated; expected one of l2, l3";
    static final Map<String, String> VOLUME_TYPES = Values.choices("local", "local", "network", "network");
    static final Map<String, String> BINDINGS =
            Values.choices("Immediate", "Immediate", "WaitForFirstConsumer", "WaitForFirstConsumer");

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    private DeclarationsBinder() {}

    static TreeMap<String, NetworkDecl> networks(Fields top) {
        TreeMap<String, NetworkDecl> out = new TreeMap<>();
        Map<String, String> subnets = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        top.section("networks", "networks", null).ifPresent(map -> {
            for (Fields.Entry e : map.entries()) {
                if (e.name().equals("ingress")) {
                    map.problems().add(e.key(), "network name 'ingress' is taken by the routing mesh's own network");
                } else {
                    Names.swarm(e.name()).ifPresent(why -> map.problems().add(e.key(),
                            "network name '" + e.name() + "' is invalid: " + why + " (" + Names.SWARM_RULE + ")"));
                }
                Optional<Fields> f = Fields.of(e.value(), e.name(), "network '" + e.name() + "'", map.problems(), NETWORK_KEYS);
                f.ifPresent(n -> {
                    Driver driver = ipvlan(n, n.choice("driver", DRIVERS, Driver.OVERLAY), parents);
                    boolean encrypted = n.bool("encrypted", false);
                    if (encrypted && driver != Driver.OVERLAY) {
                        // Docker's encrypted option is IPsec between the hosts' VTEPs: only an overlay has them.
                        n.problems().add(n.value("encrypted").orElseThrow(), "encrypted: only an overlay network is encrypted "
                                + "(IPsec between hosts); a " + driver.key() + " network never is");
                    }
                    if (driver.onParentInterface() && !n.has("subnet")) {
                        // Docker takes a macvlan's addresses from the parent interface's segment, which it cannot guess.
                        n.problems().add(n.value("driver").orElseThrow(), "driver: " + article(driver) + " network needs the "
                                + (driver == Driver.IPVLAN_L3 ? "subnet its hosts route for its containers, such as "
                                        + "subnet: 192.168.214.0/24" : "subnet of the hosts' own segment, such as subnet: 192.168.10.0/24"));
                    }
                    Optional<String> subnet = n.string("subnet");
                    subnet.ifPresent(s -> {
                        if (!isCidr(s)) {
                            n.problems().add(n.value("subnet").orElseThrow(),
                                    "subnet: expected an IPv4 subnet such as 10.0.9.0/24, got " + Yaml.quote(s));
                        } else {
                            String other = subnets.putIfAbsent(s, e.name());
                            if (other != null) {
                                n.problems().add(n.value("subnet").orElseThrow(),
                                        "subnet " + s + " is already the subnet of network '" + other + "'");
                            }
                        }
                    });
                    out.put(e.name(), new NetworkDecl(e.name(), driver, subnet, encrypted, Yaml.pos(e.key())));
                });
            }
        });
        return out;
    }

    static TreeMap<String, StorageClassDecl> storageClasses(Fields top) {
        return storageClasses(top, List.of(), Strategy.KUBERNETES);
    }

    /**
     * {@code storage_classes}: {@code type}, {@code binding}, and for a network class the {@code zones}
     * its volumes may be used in (zones some node of {@code nodes} is in, as {@code zone_down} reads
     * them), its {@code attach_delay} and {@code detach_delay} and its {@code max_volumes_per_node}:
     * those four are the Kubernetes strategy's, and refused under the swarm strategy at their key.
     */
    static TreeMap<String, StorageClassDecl> storageClasses(Fields top, List<NodeDecl> nodes, Strategy strategy) {
        TreeMap<String, StorageClassDecl> out = new TreeMap<>();
        Map<String, String> zoneLabels = new LinkedHashMap<>();
        for (NodeDecl n : nodes) {
            n.zone().ifPresent(z -> zoneLabels.putIfAbsent(z, n.spec().labels().containsKey(NodeDecl.ZONE_LABEL)
                    ? NodeDecl.ZONE_LABEL : NodeDecl.KUBERNETES_ZONE_LABEL));
        }
        top.section("storage_classes", "storage_classes", null).ifPresent(map -> {
            for (Fields.Entry e : map.entries()) {
                Fields.of(e.value(), e.name(), "storage class '" + e.name() + "'", map.problems(), STORAGE_CLASS_KEYS)
                        .ifPresent(f -> {
                            Optional<String> type = f.required("type").flatMap(n -> Values.choice(n, "type", VOLUME_TYPES, f.problems()));
                            String binding = f.choice("binding", BINDINGS, "Immediate");
                            List<String> zones = new ArrayList<>();
                            String zoneLabel = NodeDecl.ZONE_LABEL;
                            for (Node z : f.list("zones")) {
                                Optional<String> zone = Values.string(z, "zones", f.problems());
                                if (zone.isEmpty()) {
                                    continue;
                                }
                                if (!zoneLabels.containsKey(zone.get())) {
                                    f.problems().add(z, "unknown zone '" + zone.get() + "'" + (zoneLabels.isEmpty()
                                            ? "; no node has a zone: give nodes labels: {zone: " + zone.get() + "}"
                                            : "; the zones are " + String.join(", ", zoneLabels.keySet())));
                                } else {
                                    zones.add(zone.get());
                                    zoneLabel = zoneLabels.get(zone.get());
                                }
                            }
                            long attach = f.duration("attach_delay", StorageClassSpec.DEFAULT_ATTACH_NANOS);
                            long detach = f.duration("detach_delay", StorageClassSpec.DEFAULT_DETACH_NANOS);
                            int maxPerNode = f.integer("max_volumes_per_node", 0, 1, 1_000_000);
                            f.key("max_volumes_per_node").ifPresent(k -> f.problems().addFor(Strategy.SWARM,
                                    strategy, k, MAX_VOLUMES_UNDER_SWARM));
                            boolean network = type.isPresent() && type.get().equals("network");
                            for (String key : List.of("zones", "attach_delay", "detach_delay")) {
                                f.key(key).filter(k -> network).ifPresent(k -> f.problems().addFor(Strategy.SWARM,
                                        strategy, k, KUBERNETES_ONLY_CLASS_KEYS.get(key)));
                            }
                            if (type.isPresent() && type.get().equals("local")) {
                                for (String key : List.of("zones", "attach_delay", "detach_delay", "max_volumes_per_node")) {
                                    f.key(key).ifPresent(k -> f.problems().add(k, key + ": only a network class has "
                                            + (key.equals("zones") ? "zones" : key.equals("max_volumes_per_node")
                                                    ? "an attach limit" : "attach and detach delays")
                                            + "; a local volume is on its node's disk and is never attached"));
                                }
                            }
                            String label = zoneLabel;
                            type.ifPresent(t -> out.put(e.name(), new StorageClassDecl(e.name(), t, binding, zones, label,
                                    attach, detach, maxPerNode, Yaml.pos(e.key()))));
                        });
            }
        });
        return out;
    }

    /**
     * An ipvlan network's {@code parent} and {@code ipvlan_mode}, with moby's rules: a parent is required
     * here (without one Docker makes a dummy link that never leaves the host, which is not simulated),
     * the loopback is no parent, and one parent carries one ipvlan network (moby's ipvlan
     * {@code createNetwork}: "network ... is already using parent interface ..."; a VLAN
     * sub-interface such as {@code eth0.20} is another parent). Other drivers take neither key.
     */
    private static Driver ipvlan(Fields n, Driver driver, Map<String, String> parents) {
        if (driver != Driver.IPVLAN_L2) {
            for (String key : List.of("parent", "ipvlan_mode")) {
                n.key(key).ifPresent(k -> n.problems().add(k, key + ": only an ipvlan network takes " + key + " here; "
                        + article(driver) + " network " + (driver.onParentInterface()
                                ? "is simulated on the hosts' segment its subnet names" : "has no parent interface")));
            }
            return driver;
        }
        Optional<String> parent = n.string("parent");
        if (parent.isEmpty() && !n.has("parent")) {
            n.problems().add(n.value("driver").orElseThrow(), "driver: an ipvlan network needs parent: the host interface "
                    + "its containers share, such as parent: eth0 (without one Docker makes a dummy link that never leaves "
                    + "the host, which is not simulated)");
        }
        parent.ifPresent(p -> {
            if (p.equals("lo")) {
                n.problems().add(n.value("parent").orElseThrow(), "parent: loopback interface is not a valid ipvlan parent link");
            } else if (!p.matches("[A-Za-z0-9][A-Za-z0-9_.@-]{0,14}")) {
                n.problems().add(n.value("parent").orElseThrow(), "parent: expected a host interface name such as eth0 or "
                        + "eth0.20 (at most 15 characters), got " + Yaml.quote(p));
            } else {
                String other = parents.putIfAbsent(p, n.context());
                if (other != null) {
                    n.problems().add(n.value("parent").orElseThrow(), "parent: " + other + " is already using parent "
                            + "interface " + p + " (one ipvlan network per parent; a VLAN sub-interface such as " + p
                            + ".20 is another parent)");
                }
            }
        });
        Optional<Node> mode = n.value("ipvlan_mode");
        if (mode.isPresent() && Yaml.isScalar(mode.get()) && Yaml.text(mode.get()).equals("l3s")) {
            n.problems().add(mode.get(), L3S_NOT_SIMULATED);
            return driver;
        }
        return mode.flatMap(m -> Values.choice(m, "ipvlan_mode", IPVLAN_MODES, n.problems())).orElse(Driver.IPVLAN_L2);
    }

    private static String article(Driver driver) {
        return (driver == Driver.OVERLAY || driver.isIpvlan() ? "an " : "a ") + driver.key();
    }

    private static boolean isCidr(String text) {
        Matcher m = CIDR.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return Integer.parseInt(m.group(5)) <= 32;
    }
}
