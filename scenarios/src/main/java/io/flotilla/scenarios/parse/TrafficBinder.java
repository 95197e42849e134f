package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.NetworkDecl;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.time.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code traffic} list: clients that send requests. Every name a client holds is checked where
 * it is written: its node, its network, and its target, a service on that network ({@code web},
 * {@code tasks.web}), one of its tasks ({@code web.2}), or {@code NODE:PORT} for a port some service
 * publishes. A client {@code outside} the cluster is on no network and reaches a published port.
 */
final class TrafficBinder {

    static final List<String> KEYS = List.of("name", "from", "network", "to", "rate", "start", "stop", "timeout", "as");
    /** What {@code as} is told under the swarm strategy. */
    static final String AS_UNDER_SWARM = "as: a client's pod labels are for Kubernetes NetworkPolicies, which Swarm has "
            + "not; a Swarm client is a container on its network";
    static final long DEFAULT_TIMEOUT = Durations.SECOND;
    /** Each request is simulated one by one; a rate above this is surely a slip. */
    static final double MAX_RATE = 100_000;

    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)/(s|m|h)");
    private static final Pattern NODE_PORT = Pattern.compile("(.+):(\\d{1,5})");

    private final Problems problems;
    private final Set<String> nodes;
    private final Map<String, NetworkDecl> networks;
    private final Workloads workloads;
    private final Strategy strategy;
    private final long end;
    /** Where each client's name was first written. */
    private final Map<String, Integer> firstSeen = new HashMap<>();

    TrafficBinder(Problems problems, Set<String> nodes, Map<String, NetworkDecl> networks, Workloads workloads,
            Strategy strategy, long end) {
        this.problems = problems;
        this.nodes = nodes;
        this.networks = networks;
        this.workloads = workloads;
        this.strategy = strategy;
        this.end = end;
    }

    List<TrafficDecl> bind(Fields top) {
        List<TrafficDecl> out = new ArrayList<>();
        for (Node item : top.list("traffic")) {
            Fields.of(item, "traffic", "traffic client", problems, KEYS).flatMap(this::bindOne).ifPresent(out::add);
        }
        return out;
    }

    private Optional<TrafficDecl> bindOne(Fields f) {
        int before = problems.count();
        Optional<String> name = f.required("name").flatMap(n -> f.string("name"));
        name.ifPresent(n -> {
            Node at = f.value("name").orElseThrow();
            if (!Names.NODE.matcher(n).matches()) {
                problems.add(at, "name: '" + n + "' is not a client name (" + Names.NODE_RULE + ")");
            }
            Integer first = firstSeen.putIfAbsent(n, Yaml.pos(at).line());
            if (first != null) {
                problems.add(at, "duplicate traffic client '" + n + "' (first at line " + first + ")");
            }
        });
        String client = "traffic client '" + name.orElse("?") + "'";
        Optional<String> from = f.required("from").flatMap(n -> f.string("from"));
        boolean outside = from.filter(TrafficDecl.OUTSIDE::equals).isPresent();
        from.filter(n -> !outside && !nodes.contains(n)).ifPresent(n -> problems.add(f.value("from").orElseThrow(),
                "from: unknown node '" + n + "'" + Suggestions.didYouMean(n, nodes) + "; a client runs on a node, or is outside"));
        Optional<String> network = f.string("network");
        network.ifPresent(n -> {
            Node at = f.value("network").orElseThrow();
            if (outside) {
                problems.add(at, "network: a client outside the cluster is on no network; leave network out");
            } else if (!networks.containsKey(n)) {
                problems.add(at, "unknown network '" + n + "'" + Suggestions.didYouMean(n, networks.keySet())
                        + (networks.isEmpty() ? "; declare it under the top-level 'networks'" : ""));
            }
        });
        Optional<String> target = f.required("to").flatMap(n -> f.string("to"));
        target.ifPresent(t -> checkTarget(f, client, t, outside, from.isPresent() && !outside, network));
        double rate = rate(f);
        long start = f.duration("start", 0);
        long stop = f.duration("stop").orElse(end);
        if (f.has("stop") && stop <= start) {
            problems.add(f.value("stop").orElseThrow(), "stop: must be after start (" + Durations.format(start) + "), got "
                    + Durations.format(stop));
        }
        if (start >= end && f.has("start")) {
            problems.warn(f.value("start").orElseThrow(), "start: " + Durations.format(start)
                    + " is not before the end of the run (until: " + Durations.format(end) + "); this client sends nothing");
        }
        long timeout = SettingsBinder.positive(f, "timeout", DEFAULT_TIMEOUT);
        Optional<String> as = f.string("as");
        f.key("as").ifPresent(k -> problems.addFor(Strategy.SWARM, strategy, k, AS_UNDER_SWARM));
        as.ifPresent(w -> {
            Node at = f.value("as").orElseThrow();
            if (outside) {
                problems.add(at, "as: a client outside the cluster is in no pod; leave as out");
            } else {
                workloads.atEnd().checkWorkload(w).ifPresent(why -> problems.add(at, "as: " + why));
            }
        });
        if (problems.count() != before || name.isEmpty() || from.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrafficDecl(name.get(), outside ? Optional.empty() : from, network, target.get(), rate, start,
                Math.min(stop, end), timeout, f.pos(), as.orElse("")));
    }

    /** {@code 50/s}, {@code 90/m}, {@code 0.5/s}: requests per second, minute or hour; more than 0. */
    private double rate(Fields f) {
        Optional<Node> node = f.required("rate");
        if (node.isEmpty()) {
            return 1;
        }
        Matcher m = Yaml.isScalar(node.get()) ? RATE.matcher(Yaml.text(node.get())) : null;
        if (m == null || !m.matches()) {
            problems.add(node.get(), "rate: expected requests per second such as 50/s (or per minute, 90/m), got "
                    + Yaml.describe(node.get()));
            return 1;
        }
        double perUnit = Double.parseDouble(m.group(1));
        double perSecond = perUnit / switch (m.group(2)) {
            case "m" -> 60.0;
            case "h" -> 3600.0;
            default -> 1.0;
        };
        if (perSecond <= 0) {
            problems.add(node.get(), "rate: must be more than 0");
            return 1;
        } else if (perSecond > MAX_RATE) {
            problems.add(node.get(), "rate: must be at most 100000/s (each request is simulated), got " + Yaml.text(node.get()));
            return 1;
        }
        return perSecond;
    }

    /**
     * The target's names, reported at {@code to}: a published port for {@code NODE:PORT}; otherwise a
     * service (or one of its tasks) on the client's network. A client in a container must name its
     * network unless the kubernetes strategy, with its one pod network, runs it.
     */
    private void checkTarget(Fields f, String client, String target, boolean outside, boolean inside, Optional<String> network) {
        Node at = f.value("to").orElseThrow();
        Matcher nodePort = NODE_PORT.matcher(target);
        if (nodePort.matches()) {
            checkPublished(at, nodePort.group(1), Integer.parseInt(nodePort.group(2)));
            return;
        }
        if (outside) {
            problems.add(at, "to: a client outside the cluster reaches a published port, NODE:PORT such as "
                    + nodes.stream().findFirst().orElse("worker-1") + ":8080; got " + Yaml.quote(target));
            return;
        }
        String service = target.startsWith("tasks.") ? target.substring("tasks.".length()) : target;
        Workloads.View all = workloads.atEnd();
        List<String> wrong = new ArrayList<>();
        // a statefulset's headless Service (db) or one of its pods under it (db-0.db)
        Optional<Workloads.Workload> set = target.startsWith("tasks.") ? Optional.empty()
                : all.statefulSetServing(service).or(() -> TaskNames.statefulSetHostname(service, all, wrong::add));
        Optional<String> why = !wrong.isEmpty() ? Optional.of(wrong.get(0))
                : set.isPresent() ? Optional.empty()
                : service.contains(".") ? TaskNames.check(service, all, nodes)
                : all.checkService(service);
        if (why.isPresent()) {
            problems.add(at, "to: " + why.get());
            return;
        }
        String owner = set.map(Workloads.Workload::name)
                .orElse(service.contains(".") ? TaskNames.workloadOf(service) : service);
        if (network.isEmpty()) {
            if (inside) {
                problems.addFor(Strategy.SWARM, strategy, f.node(), "missing key 'network' in " + client + ": a container "
                        + "resolves and connects on a network (only the kubernetes strategy, with its one pod network, needs none)");
            }
            return;
        }
        if (!networks.containsKey(network.get())) {
            return;
        }
        Set<String> on = new TreeSet<>();
        workloads.allServiceVersions().stream().filter(s -> s.name().equals(owner)).forEach(s -> on.addAll(s.task().networks()));
        set.ifPresent(w -> on.addAll(w.networks()));
        if (!on.contains(network.get())) {
            problems.add(at, "to: service '" + owner + "' is not on network '" + network.get() + "'; "
                    + (on.isEmpty() ? "it is on no network" : "it is on " + String.join(", ", on))
                    + " (a name not on the client's network is NXDOMAIN)");
        }
    }

    private void checkPublished(Node at, String node, int port) {
        if (!nodes.contains(node)) {
            problems.add(at, "to: unknown node '" + node + "'" + Suggestions.didYouMean(node, nodes));
        }
        Set<Integer> published = new TreeSet<>();
        for (ServiceSpec s : workloads.allServiceVersions()) {
            for (PortConfig p : s.task().ports()) {
                if (p.published() > 0) {
                    published.add(p.published());
                }
            }
        }
        if (!published.contains(port)) {
            problems.add(at, "to: no service publishes port " + port
                    + (published.isEmpty() ? "; publish one with ports: [\"" + port + ":80\"]"
                            : "; published: " + String.join(", ", published.stream().map(String::valueOf).toList())));
        }
    }
}
