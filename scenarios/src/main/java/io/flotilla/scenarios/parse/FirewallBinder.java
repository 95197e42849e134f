package io.flotilla.scenarios.parse;

import io.flotilla.network.topology.FirewallRule;
import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.time.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code firewall: {node: worker-2, drop: [4789/udp]}} and {@code {node: worker-2, accept: [4789/udp]}}:
 * the firewall in front of a node starts dropping inbound packets, or lets them in again. A rule is
 * one the simulation carries packets for: the control plane's port (Swarm's managers' 2377/tcp, the
 * Kubernetes API server's 6443/tcp), gossip's 7946/tcp and 7946/udp (only together: with one of
 * them open, memberlist and NetworkDB work around the other), an overlay's VXLAN port (4789/udp
 * under Swarm, 8472/udp for flannel's pod network under Kubernetes), {@code esp} (an encrypted
 * overlay), or a TCP port some service publishes (the simulated clients send TCP requests, so a
 * published UDP port is refused). Dropping what is dropped already, or accepting what is not
 * dropped, does nothing: a warning.
 */
final class FirewallBinder implements ActionBinder {

    static final List<String> KEYS = List.of("node", "drop", "accept");

    /** The rules of the simulation's own ports, whichever strategy runs the file. */
    private static final Set<FirewallRule> SIMULATED = Set.of(FirewallRule.SWARM_MANAGER, FirewallRule.KUBE_APISERVER,
            FirewallRule.GOSSIP_TCP, FirewallRule.GOSSIP_UDP, FirewallRule.SWARM_VXLAN, FirewallRule.FLANNEL_VXLAN, FirewallRule.ESP);

    public String keyword() {
        return "firewall";
    }

    public Class<? extends Action> kind() {
        return Action.Firewall.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Optional<Fields> fields = Fields.of(value, "firewall", "firewall", scope.problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> node = f.required("node").flatMap(n -> scope.node(n, "node"));
        if (f.has("drop") == f.has("accept")) {
            scope.problems.add(f.node(), "firewall: give either drop or accept, a list of rules such as [4789/udp]");
            return Optional.empty();
        }
        boolean drop = f.has("drop");
        String verb = drop ? "drop" : "accept";
        Set<FirewallRule> published = publishedPorts(scope);
        List<FirewallRule> rules = new ArrayList<>();
        boolean valid = true;
        List<Node> items = f.list(verb);
        if (items.isEmpty() && f.value(verb).filter(SequenceNode.class::isInstance).isPresent()) {
            scope.problems.add(f.value(verb).get(), verb + ": at least one rule, such as 4789/udp");
            return Optional.empty();
        }
        for (Node item : items) {
            Optional<FirewallRule> rule = Values.string(item, verb, scope.problems).flatMap(text -> rule(item, text, published, scope));
            valid &= rule.isPresent();
            rule.ifPresent(rules::add);
        }
        if (!valid || node.isEmpty()) {
            return Optional.empty();
        }
        if (afterwards(scope, node.get(), rules, drop, FirewallRule.GOSSIP_TCP)
                != afterwards(scope, node.get(), rules, drop, FirewallRule.GOSSIP_UDP)) {
            scope.problems.add(f.value(verb).orElse(value), "firewall: " + node.get() + " would drop one of 7946/tcp and 7946/udp"
                    + " without the other, which is not simulated (memberlist falls back to TCP when its UDP probes fail, and"
                    + " NetworkDB's bulk syncs carry what its UDP broadcasts lose); drop or accept the two together");
            return Optional.empty();
        }
        for (FirewallRule rule : rules) {
            if (!scope.state.firewall(node.get(), rule, drop)) {
                scope.warn(value, "firewall: " + node.get() + (drop ? " already drops " : " does not drop ") + rule + " at "
                        + Durations.format(scope.at) + "; this " + verb + " of it does nothing");
            }
        }
        return Optional.of(new Action.Firewall(node.get(), drop, rules));
    }

    /** Whether the node's firewall drops {@code rule} once the item's rules are applied. */
    private static boolean afterwards(TimelineScope scope, String node, List<FirewallRule> rules, boolean drop, FirewallRule rule) {
        return rules.contains(rule) ? drop : scope.state.drops(node, rule);
    }

    private static Optional<FirewallRule> rule(Node item, String text, Set<FirewallRule> published, TimelineScope scope) {
        Optional<FirewallRule> rule = FirewallRule.parse(text);
        if (rule.isEmpty() && text.matches("[0-9]+(/(tcp|udp))?")) {
            scope.problems.add(item, "firewall: " + Yaml.quote(text) + ": a port is 1 to 65535");
            return Optional.empty();
        }
        if (rule.isEmpty()) {
            scope.problems.add(item, "firewall: " + Yaml.quote(text) + " is not a rule; expected PORT/tcp, PORT/udp or esp,"
                    + " such as 4789/udp");
            return Optional.empty();
        }
        FirewallRule r = rule.get();
        if (SIMULATED.contains(r) || published.contains(r)) {
            return rule;
        }
        if (r.protocol() == FirewallRule.Protocol.UDP && publishedNumbers(scope, "udp").contains(r.port())) {
            scope.problems.add(item, "firewall: " + r + " is a published UDP port, which is not simulated: the simulated clients"
                    + " send TCP requests");
            return Optional.empty();
        }
        String ports = published.stream().map(FirewallRule::toString).collect(Collectors.joining(", "));
        scope.problems.add(item, "firewall: " + r + " is not simulated; a rule drops the managers' 2377/tcp (6443/tcp, the API"
                + " server's, under kubernetes), gossip's 7946/tcp and 7946/udp, an overlay's VXLAN port (4789/udp; 8472/udp for"
                + " the kubernetes pod network), esp (an encrypted overlay) or a port a service publishes ("
                + (ports.isEmpty() ? "none does" : ports) + ")");
        return Optional.empty();
    }

    /** The TCP ports the file's services publish, at any time of the run so far read: what the clients send to. */
    private static Set<FirewallRule> publishedPorts(TimelineScope scope) {
        Set<FirewallRule> ports = new TreeSet<>();
        publishedNumbers(scope, "tcp").forEach(p -> ports.add(FirewallRule.tcp(p)));
        return ports;
    }

    private static Set<Integer> publishedNumbers(TimelineScope scope, String protocol) {
        Set<Integer> ports = new TreeSet<>();
        for (ServiceSpec s : scope.workloads.allServiceVersions()) {
            for (PortConfig p : s.task().ports()) {
                if (p.published() > 0 && p.protocol().equals(protocol)) {
                    ports.add(p.published());
                }
            }
        }
        return ports;
    }
}
