package io.flotilla.scenarios.parse;

import io.flotilla.network.kubernetes.NetworkPolicy;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.placement.kubernetes.ModelTranslation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The top-level {@code network_policies}: Kubernetes NetworkPolicies of policy type Ingress, in the
 * API's fields, snake case ({@code pod_selector}, {@code policy_types}, {@code ingress} rules with
 * {@code from} peers and {@code ports}). Every selector is a label map ({@code matchLabels}) matched
 * here against the pod labels of the file's workloads ({@code app: NAME} and their
 * {@code kubernetes.labels}); a selector that matches none is an error, as the likeliest slip is a
 * misspelt name. What is not simulated is refused at its key: egress, namespace selectors, IP
 * blocks, protocols other than TCP, and the whole key under the swarm strategy, which has no
 * NetworkPolicy.
 */
final class NetworkPoliciesBinder {

    static final List<String> KEYS = List.of("pod_selector", "policy_types", "ingress", "egress");
    static final List<String> RULE_KEYS = List.of("from", "ports");
    static final List<String> PEER_KEYS = List.of("pod_selector", "namespace_selector", "ip_block");
    static final List<String> PORT_KEYS = List.of("port", "protocol");
    static final Map<String, String> POLICY_TYPES = Values.choices("Ingress", "Ingress", "Egress", "Egress");

    /** What the key is told under the swarm strategy. */
    static final String UNDER_SWARM = "network_policies: Swarm has no NetworkPolicy; it isolates by networks (a service "
            + "reaches only services on a network it shares with them: put db on a network only back is on, as "
            + "network-isolation.yaml does), or run it with --strategy kubernetes";
    static final String EGRESS_WHY = "an egress policy would also cut the pods' DNS to kube-dns unless it allowed it";
    static final String NAMESPACES = "namespace_selector: every workload runs in the one namespace, default; namespace "
            + "selectors are not simulated yet";
    static final String IP_BLOCK = "ip_block: a peer is a pod_selector; IP blocks are not simulated yet";

    private final Problems problems;
    private final Strategy strategy;
    /** Every workload's pod labels, by workload, in file order. */
    private final Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    /** Every workload's container ports. */
    private final Map<String, Set<Integer>> ports = new LinkedHashMap<>();

    NetworkPoliciesBinder(Problems problems, Strategy strategy) {
        this.problems = problems;
        this.strategy = strategy;
    }

    /** A workload whose pods carry {@code app: name}, the {@code kubernetes.labels} of {@code pod}, and listen on {@code declared}. */
    NetworkPoliciesBinder workload(String name, KubernetesPodSpec pod, List<PortConfig> declared) {
        Map<String, String> l = new TreeMap<>(pod.labels());
        l.put(ModelTranslation.APP_LABEL, name);
        labels.put(name, l);
        Set<Integer> targets = new LinkedHashSet<>();
        declared.forEach(p -> targets.add(p.target()));
        ports.put(name, targets);
        return this;
    }

    List<NetworkPolicy> bind(Fields top) {
        List<NetworkPolicy> out = new ArrayList<>();
        top.key("network_policies").ifPresent(k -> problems.addFor(Strategy.SWARM, strategy, k, UNDER_SWARM));
        top.section("network_policies", "network_policies", null).ifPresent(map -> {
            for (Fields.Entry e : map.entries()) {
                if (!e.name().matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || e.name().length() > 63) {
                    problems.add(e.key(), "network policy name '" + e.name() + "' is invalid: lowercase letters, digits "
                            + "and '-', starting and ending with a letter or digit, at most 63 characters (RFC 1123)");
                }
                Fields.of(e.value(), e.name(), "network policy '" + e.name() + "'", problems, KEYS)
                        .flatMap(f -> policy(e.name(), f)).ifPresent(out::add);
            }
        });
        return out;
    }

    private Optional<NetworkPolicy> policy(String name, Fields f) {
        int before = problems.count();
        Optional<Set<String>> selects = f.required("pod_selector").flatMap(n -> selector(n, "pod_selector"));
        for (Node t : f.list("policy_types")) {
            Values.choice(t, "policy_types", POLICY_TYPES, problems).filter("Egress"::equals)
                    .ifPresent(x -> problems.add(t, "policy_types: " + EGRESS_WHY + "; Egress is not simulated yet"));
        }
        f.key("egress").ifPresent(k -> problems.add(k, "egress: " + EGRESS_WHY + "; egress rules are not simulated yet"));
        List<NetworkPolicy.Rule> rules = new ArrayList<>();
        for (Node r : f.list("ingress")) {
            Fields.of(r, "ingress", "ingress rule", problems, RULE_KEYS)
                    .flatMap(rule -> rule(rule, selects.orElse(Set.of()))).ifPresent(rules::add);
        }
        if (problems.count() != before || selects.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NetworkPolicy(name, selects.get(), rules));
    }

    private Optional<NetworkPolicy.Rule> rule(Fields rule, Set<String> selected) {
        List<NetworkPolicy.Peer> from = new ArrayList<>();
        for (Node p : rule.list("from")) {
            Fields.of(p, "from", "peer", problems, PEER_KEYS).flatMap(this::peer).ifPresent(from::add);
        }
        Set<Integer> numbers = new TreeSet<>();
        for (Node p : rule.list("ports")) {
            port(p).ifPresent(n -> {
                numbers.add(n);
                checkListened(p, n, selected);
            });
        }
        return Optional.of(new NetworkPolicy.Rule(from, numbers));
    }

    private Optional<NetworkPolicy.Peer> peer(Fields p) {
        p.key("namespace_selector").ifPresent(k -> problems.add(k, NAMESPACES));
        p.key("ip_block").ifPresent(k -> problems.add(k, IP_BLOCK));
        Optional<Node> selector = p.value("pod_selector");
        if (selector.isEmpty()) {
            if (!p.has("namespace_selector") && !p.has("ip_block")) {
                problems.add(p.node(), "missing key 'pod_selector' in peer");
            }
            return Optional.empty();
        }
        if (isEmptySelector(selector.get())) {
            return Optional.of(NetworkPolicy.Peer.anyPod());
        }
        return selector(selector.get(), "pod_selector").map(NetworkPolicy.Peer::podsOf);
    }

    /** A port number, or {@code {port: N, protocol: TCP}}. */
    private Optional<Integer> port(Node node) {
        Node number = node;
        if (!Yaml.isScalar(node)) {
            Optional<Fields> f = Fields.of(node, "ports", "port", problems, PORT_KEYS);
            if (f.isEmpty()) {
                return Optional.empty();
            }
            f.get().value("protocol").filter(v -> !(Yaml.isScalar(v) && Yaml.text(v).equals("TCP"))).ifPresent(v ->
                    problems.add(v, "protocol: every simulated request is a TCP connection; " + Yaml.describe(v)
                            + " is not simulated yet"));
            Optional<Node> n = f.get().required("port");
            if (n.isEmpty()) {
                return Optional.empty();
            }
            number = n.get();
        }
        String text = Yaml.isScalar(number) ? Yaml.text(number) : "";
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            problems.add(number, "ports: expected a port number from 1 to 65535, got " + Yaml.describe(number)
                    + (text.matches("[a-z][-a-z0-9]*") ? " (named ports are not simulated)" : ""));
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }

    /**
     * The rule's port must be one a selected pod listens on: a workload that declares no port has
     * connections with no port a rule could name, and a port none of them declares admits nothing.
     */
    private void checkListened(Node at, int port, Set<String> selected) {
        List<String> silent = selected.stream().filter(w -> ports.getOrDefault(w, Set.of()).isEmpty()).toList();
        if (!silent.isEmpty()) {
            problems.add(at, "ports: " + String.join(", ", silent) + " declare" + (silent.size() == 1 ? "s" : "")
                    + " no container port (ports: under the service), so no rule can name the port its connections reach");
        } else if (!selected.isEmpty() && selected.stream().noneMatch(w -> ports.get(w).contains(port))) {
            problems.warn(at, "ports: no pod this policy selects listens on " + port + " ("
                    + String.join(", ", selected.stream().map(w -> w + ": " + ports.get(w)).toList())
                    + "); this rule admits nothing");
        }
    }

    private static boolean isEmptySelector(Node node) {
        return Yaml.isNull(node) || node instanceof org.yaml.snakeyaml.nodes.MappingNode m && m.getValue().isEmpty();
    }

    /**
     * A label map's workloads: {@code {}} selects every workload; otherwise those whose pod labels
     * hold every pair. An {@code app} naming no workload, or labels no workload has, are errors.
     */
    private Optional<Set<String>> selector(Node node, String label) {
        if (isEmptySelector(node)) {
            return Optional.of(new LinkedHashSet<>(labels.keySet()));
        }
        Optional<Fields> f = Fields.of(node, label, label, problems, null);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> wanted = new TreeMap<>();
        for (Fields.Entry e : f.get().entries()) {
            Values.string(e.value(), e.name(), problems).ifPresent(v -> wanted.put(e.name(), v));
        }
        String app = wanted.get(ModelTranslation.APP_LABEL);
        if (app != null && !labels.containsKey(app)) {
            problems.add(f.get().value(ModelTranslation.APP_LABEL).orElseThrow(), label + ": unknown service or statefulset '"
                    + app + "' in app" + Suggestions.didYouMean(app, labels.keySet())
                    + (labels.isEmpty() ? "" : "; the workloads are " + String.join(", ", labels.keySet())));
            return Optional.empty();
        }
        Set<String> out = new LinkedHashSet<>();
        labels.forEach((w, l) -> {
            if (l.entrySet().containsAll(wanted.entrySet())) {
                out.add(w);
            }
        });
        if (out.isEmpty()) {
            problems.add(node, label + ": selects no pod: no service or statefulset has the labels " + wanted);
            return Optional.empty();
        }
        return Optional.of(out);
    }
}
