package io.flotilla.sim.dataplane;

import io.flotilla.network.dns.DnsRecords;
import io.flotilla.network.kubernetes.ClusterDns;
import io.flotilla.network.kubernetes.ClusterIps;
import io.flotilla.network.kubernetes.EndpointConditions;
import io.flotilla.network.kubernetes.EndpointsChange;
import io.flotilla.network.kubernetes.KubeService;
import io.flotilla.network.kubernetes.KubernetesDataPlane;
import io.flotilla.network.kubernetes.KubernetesRouter;
import io.flotilla.network.kubernetes.NetworkPolicies;
import io.flotilla.network.kubernetes.NetworkPolicy;
import io.flotilla.network.kubernetes.PodEndpoint;
import io.flotilla.network.kubernetes.PodNetwork;
import io.flotilla.network.lb.Destination;
import io.flotilla.network.overlay.Allocation;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.network.topology.FirewallRule;
import io.flotilla.network.topology.Topology;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.Task;
import io.flotilla.sim.control.ServiceEndpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;

/**
 * Kubernetes' data plane in the simulation: one flat pod network, a Service with a ClusterIP per
 * service (headless for {@code endpoint_mode: dnsrr}; a NodePort for a published port), the
 * EndpointSlices the control plane writes, the cluster DNS that answers from them at once, and every
 * node's kube-proxy, which applies them a sync (1 s) later ({@link KubernetesDataPlane},
 * {@link KubernetesRouter}).
 *
 * <p>A pod's IP comes from its node's pod CIDR when its sandbox first starts, stays while its
 * containers restart in place, and changes only when the node reboots (a new sandbox) or the pod
 * is deleted. Compose networks mean nothing to Kubernetes: every network a service names stands for
 * the one pod network, so a pod's IP is logged once per network its service names, and a client
 * without a network is on {@link #POD_NETWORK}. Every Service resolves from every network.
 *
 * <p>A published port becomes the Service's NodePort, with the published number even outside
 * 30000-32767 (as if the API server's node-port range were widened), so that a scenario reaches the
 * same {@code NODE:PORT} under both strategies. kube-proxy syncs while its node reaches the first
 * manager, where the simulated API server runs.
 */
final class KubernetesPlane implements Plane {

    static final String NAMESPACE = "default";
    /** The network a client without one is on: the cluster's one pod network. */
    static final String POD_NETWORK = "pod-network";
    static final long KUBE_PROXY_SYNC_NANOS = 1_000_000_000L;

    private record KubeRoute(KubernetesRouter.Route route, TrafficClient client, Target target) implements Route {}

    /** A pod with a running container, and when it started running, as the order the pods are stopped in. */
    private record Running(Task task, long order) {}

    /** A Service's endpoints as last applied, and the pod endpoint made of each (null: no IP). */
    private record Applied(List<ServiceEndpoint> from, PodEndpoint[] made) {
        /** Nothing to reuse: every endpoint is made anew. */
        static final Applied NONE = new Applied(List.of(), new PodEndpoint[0]);
    }

    private final Topology topology;
    private final Backends backends = new Backends();
    private final KubernetesDataPlane plane;
    private final KubernetesRouter router;
    private final PodNetwork pods = new PodNetwork();
    private final ClusterIps clusterIps = new ClusterIps();
    private final Changes changes;
    private final Map<String, ServiceSpec> services = new LinkedHashMap<>();
    /** Each pod's IP, while it has one, and the node it is on. */
    private final Map<String, String> podIps = new HashMap<>();
    private final Map<String, String> podNodes = new HashMap<>();
    /** The same pods by node, so that a node's crash or boot reads its own pods, not the cluster's. */
    private final Map<String, Set<String>> podsByNode = new HashMap<>();
    /** Pods with a running container, and the service's networks they count on. */
    private final Map<String, Running> runningPods = new HashMap<>();
    private long runningOrder;
    private final Map<String, List<ServiceEndpoint>> endpoints = new HashMap<>();
    /** Per pod, the Services whose endpoints list it (usually its workload's alone). */
    private final Map<String, List<String>> listedIn = new HashMap<>();
    /** Per headless Service, every hostname its endpoints ever had ({@code db-0}), for the names the DNS log follows. */
    private final Map<String, java.util.SortedSet<String>> hostnames = new HashMap<>();
    /**
     * Per Service, the endpoints last applied and what was made of each (null for a pod without an
     * IP then). The EndpointSlice controller hands an unchanged endpoint on as the same object, so
     * an endpoint found again by identity is made again only if its pod's IP may have changed.
     */
    private final Map<String, Applied> applied = new HashMap<>();
    /** The Services listing a pod whose IP was given or taken since they were last applied. */
    private final Set<String> readdressed = new HashSet<>();
    private long nextSync = Long.MAX_VALUE;
    /** Each backend's workload, by backend id ("" until its container starts). */
    private final List<String> workloads = new ArrayList<>();

    KubernetesPlane(Topology topology, String apiServer, Randomness randomness, long serviceNanos, Changes changes,
            NetworkPolicies policies) {
        this.topology = topology;
        this.changes = changes;
        this.plane = new KubernetesDataPlane(topology, backends, randomness, apiServer, KUBE_PROXY_SYNC_NANOS);
        this.router = new KubernetesRouter(plane, topology, backends, serviceNanos, policies,
                b -> b < workloads.size() ? workloads.get(b) : "", this::podPort);
    }

    /**
     * The container port a Service's connections reach its pods on: the target of the published port
     * they came in by, else of the workload's first port; -1 when it declares none.
     */
    private int podPort(String service, int nodePort) {
        ServiceSpec spec = services.get(service);
        if (spec == null) {
            return -1;
        }
        for (PortConfig p : spec.task().ports()) {
            if (nodePort < 0 || p.published() == nodePort) {
                return p.target();
            }
        }
        return -1;
    }

    // ---- control plane ------------------------------------------------------------------------

    @Override
    public void serviceDeclared(ServiceSpec spec, SortedMap<String, String> vips, long now) {
        services.put(spec.name(), spec);
        KubeService service = spec.endpointMode() == EndpointMode.DNSRR
                ? KubeService.headless(spec.name(), NAMESPACE)
                : KubeService.clusterIp(spec.name(), NAMESPACE, clusterIps.allocate().orElseThrow());
        for (PortConfig p : spec.task().ports()) {
            if (p.mode() == PublishMode.INGRESS && p.published() > 0) {
                service = service.withNodePort(p.published());
                break;
            }
        }
        plane.putService(now, service);
        changes.everythingChanged();
    }

    @Override
    public void taskAddressed(String taskId, SortedMap<String, String> addresses) {
        // pods get their IP from their node's pod CIDR
    }

    @Override
    public void endpointsChanged(String service, List<ServiceEndpoint> list, long now) {
        endpoints.put(service, list);
        // the list applied last is the one received last: one change serves the pods listed and the data plane
        Applied last = applied.getOrDefault(service, Applied.NONE);
        EndpointsChange changed = EndpointsChange.between(last.from(), list);
        relist(service, last.from(), list, changed);
        // an endpoint handed on from the list before, at either end, brought its hostname then
        for (ServiceEndpoint e : list.subList(changed.start(), changed.end())) {
            if (e.hostname().isPresent()) {
                hostnames.computeIfAbsent(service, s -> new java.util.TreeSet<>()).add(e.hostname().get());
            }
        }
        if (readdressed.remove(service)) { // a pod it lists got or lost its IP since: nothing is reused
            apply(service, list, Applied.NONE, EndpointsChange.between(List.of(), list), now);
        } else {
            apply(service, list, last, changed, now);
        }
    }

    /**
     * Keeps {@link #listedIn} in step with the Service's new endpoints. A new list is mostly the old
     * one with a few pods more or fewer: only what lies between the lists' unchanged ends is looked at
     * (a list names each pod once, so a pod on both sides of that stretch stays listed).
     */
    private void relist(String service, List<ServiceEndpoint> before, List<ServiceEndpoint> after, EndpointsChange changed) {
        int start = changed.start();
        if (start == changed.end() && changed.shift() == 0) {
            return;
        }
        Set<String> gone = new HashSet<>();
        for (ServiceEndpoint e : before.subList(start, changed.end() + changed.shift())) {
            gone.add(e.pod());
        }
        Set<String> kept = new HashSet<>();
        for (ServiceEndpoint e : after.subList(start, changed.end())) {
            kept.add(e.pod());
            if (!gone.contains(e.pod())) {
                List<String> in = listedIn.computeIfAbsent(e.pod(), p -> new ArrayList<>(1));
                if (!in.contains(service)) {
                    in.add(service);
                }
            }
        }
        for (String pod : gone) {
            List<String> in = kept.contains(pod) ? null : listedIn.get(pod);
            if (in != null && in.remove(service) && in.isEmpty()) {
                listedIn.remove(pod);
            }
        }
    }

    /**
     * Hands kube-proxy and the DNS the Service's endpoints with their pods' IPs (a pod without one is
     * left out). An endpoint at either end of the list that is the very object applied last time,
     * its pod's IP untouched since, is the pod endpoint made then: only what lies between the common
     * start and common end is made again.
     */
    private void apply(String service, long now) {
        List<ServiceEndpoint> list = endpoints.getOrDefault(service, List.of());
        Applied last = readdressed.remove(service) ? Applied.NONE : applied.getOrDefault(service, Applied.NONE);
        apply(service, list, last, EndpointsChange.between(last.from(), list), now);
    }

    /** {@link #apply(String, long)} with what to reuse and where the list changed already worked out. */
    private void apply(String service, List<ServiceEndpoint> list, Applied last, EndpointsChange changed, long now) {
        PodEndpoint[] made = new PodEndpoint[list.size()];
        changed.copyEnds(last.made(), made, list.size());
        for (int i = changed.start(); i < changed.end(); i++) {
            made[i] = podEndpoint(list.get(i));
        }
        applied.put(service, new Applied(list, made));
        // one immutable copy, which the data plane keeps as it is (any other list it copies)
        plane.setEndpoints(now, NAMESPACE, service, List.of(withAddress(made)));
        changes.everythingChanged();
    }

    /** The endpoints that have an address: all of them unless a pod has no IP yet. */
    private static PodEndpoint[] withAddress(PodEndpoint[] made) {
        int present = 0;
        for (PodEndpoint e : made) {
            present += e == null ? 0 : 1;
        }
        if (present == made.length) {
            return made;
        }
        PodEndpoint[] out = new PodEndpoint[present];
        int i = 0;
        for (PodEndpoint e : made) {
            if (e != null) {
                out[i++] = e;
            }
        }
        return out;
    }

    /** The endpoint with its pod's IP, its pod known as a backend; none while the pod has no IP. */
    private PodEndpoint podEndpoint(ServiceEndpoint e) {
        String ip = podIps.get(e.pod());
        if (ip == null) {
            return null;
        }
        backends.intern(e.pod(), e.pod(), topology.indexOf(e.node()).orElseThrow());
        return new PodEndpoint(e.pod(), e.pod(), ip, e.node(), new EndpointConditions(e.ready(), e.serving(), e.terminating()),
                e.hostname());
    }

    // ---- a node's kubelet -------------------------------------------------------------------

    @Override
    public void containerStarted(String node, Task task, long now) {
        String pod = task.id();
        int id = backends.intern(pod, pod, topology.indexOf(node).orElseThrow());
        while (workloads.size() <= id) {
            workloads.add("");
        }
        workloads.set(id, task.service());
        if (!podIps.containsKey(pod) && pods.allocate(node, pod) instanceof Allocation.Address a) {
            podIps.put(pod, a.address());
            readdressed.addAll(listedIn.getOrDefault(pod, List.of()));
            podNodes.put(pod, node);
            podsByNode.computeIfAbsent(node, n -> new HashSet<>()).add(pod);
            task.spec().networks().forEach(network -> changes.addressed(pod, network, a.address()));
            for (String service : servicesListing(pod, task.service())) {
                apply(service, now); // the pod is listed with the address of its previous sandbox
            }
        }
        Running before = runningPods.get(pod);
        runningPods.put(pod, new Running(task, before == null ? ++runningOrder : before.order()));
        if (before == null) {
            task.spec().networks().forEach(network -> changes.attached("*", network));
        }
    }

    /**
     * The Services whose endpoints list the pod: its workload's own (a Deployment's Service has the
     * workload's name), else any other (a StatefulSet's headless Service may be named otherwise).
     */
    private List<String> servicesListing(String pod, String workload) {
        List<String> in = listedIn.getOrDefault(pod, List.of());
        if (in.contains(workload)) {
            return List.of(workload);
        }
        List<String> out = new ArrayList<>(in);
        out.sort(null);
        return out;
    }

    @Override
    public void bindingChanged(String node, String taskId, boolean enabled, long now) {
        // a pod's endpoint follows its readiness, which the EndpointSlice controller reads
    }

    @Override
    public void containerStopped(String node, String taskId, boolean removed, long now) {
        Running running = runningPods.remove(taskId);
        if (running != null) {
            running.task().spec().networks().forEach(network -> changes.detached("*", network));
        }
        if (removed) {
            releaseIp(taskId);
        }
    }

    private void releaseIp(String pod) {
        String ip = podIps.remove(pod);
        if (ip != null) {
            readdressed.addAll(listedIn.getOrDefault(pod, List.of()));
        }
        String node = podNodes.remove(pod);
        if (node != null) {
            Set<String> onNode = podsByNode.get(node);
            onNode.remove(pod);
            if (onNode.isEmpty()) {
                podsByNode.remove(node);
            }
        }
        if (ip != null) {
            pods.release(node, ip);
        }
    }

    // ---- underlay -----------------------------------------------------------------------------

    @Override
    public void hostDown(String node, long now) {
        topology.hostDown(node);
        plane.topologyChanged(now);
        List<Running> stopped = new ArrayList<>();
        for (String pod : podsByNode.getOrDefault(node, Set.of())) {
            Running r = runningPods.get(pod);
            if (r != null) {
                stopped.add(r);
            }
        }
        stopped.sort(Comparator.comparingLong(Running::order)); // the order they started running in
        for (Running r : stopped) {
            containerStopped(node, r.task().id(), false, now);
        }
    }

    /** The node boots with no sandbox: its pods get new IPs when the kubelet starts them again. */
    @Override
    public void hostUp(String node, long now) {
        topology.hostUp(node);
        plane.nodeRestarted(now, node);
        plane.topologyChanged(now);
        List<String> onNode = new ArrayList<>(podsByNode.getOrDefault(node, Set.of()));
        onNode.sort(null);
        for (String pod : onNode) {
            releaseIp(pod);
        }
    }

    @Override
    public Optional<String> neverCarries(FirewallRule rule) {
        if (rule.equals(FirewallRule.SWARM_VXLAN)) {
            return Optional.of("nothing listens on 4789/udp: the pod network is flannel's VXLAN, on 8472/udp");
        }
        if (rule.equals(FirewallRule.SWARM_MANAGER)) {
            return Optional.of("nothing listens on 2377/tcp: the API server listens on 6443/tcp");
        }
        if (rule.equals(FirewallRule.GOSSIP_TCP) || rule.equals(FirewallRule.GOSSIP_UDP)) {
            return Optional.of("nothing listens on " + rule + ": Kubernetes has no gossip, its nodes learn from the API server");
        }
        if (rule.equals(FirewallRule.ESP)) {
            return Optional.of("the pod network is not encrypted, so nothing sends esp");
        }
        return Optional.empty();
    }

    /** kube-proxies cut off from the API server by a firewall sync once it lets them in. */
    @Override
    public void firewallChanged(List<FirewallRule> rules, long now) {
        plane.topologyChanged(now);
    }

    @Override
    public void underlayChanged(long now) {
        plane.topologyChanged(now);
        changes.everythingChanged();
    }

    @Override
    public boolean isUp(String node) {
        return topology.isUp(node);
    }

    // ---- clock --------------------------------------------------------------------------------

    @Override
    public OptionalLong nextEventTime() {
        OptionalLong next = plane.nextEventTime();
        nextSync = next.orElse(Long.MAX_VALUE);
        return next;
    }

    /** Runs kube-proxy's syncs due; a sync may change any node's rules. */
    @Override
    public void advanceTo(long now) {
        plane.advanceTo(now);
        if (now >= nextSync) {
            nextSync = Long.MAX_VALUE;
            changes.everythingChanged();
        }
    }

    // ---- requests -----------------------------------------------------------------------------

    @Override
    public Backends backends() {
        return backends;
    }

    @Override
    public String networkOf(TrafficClient client) {
        return client.network().orElse(POD_NETWORK);
    }

    @Override
    public Route route(TrafficClient client) {
        Target target = Target.parse(client.target());
        return new KubeRoute(router.route(client.from().orElse(Target.OUTSIDE), NAMESPACE, target, client.podOf()), client,
                target);
    }

    @Override
    public void clientAttached(TrafficClient client, long now) {
        if (client.from().isPresent()) {
            changes.attached("*", networkOf(client));
        }
    }

    @Override
    public Result send(Route route, long now, long timeoutNanos, Outcome out) {
        return router.send(((KubeRoute) route).route(), now, timeoutNanos, out);
    }

    // ---- logs ---------------------------------------------------------------------------------

    /**
     * Every Service resolves from every network: its short name and its full name; a headless
     * Service's pods with a hostname (a StatefulSet's) by {@code <hostname>.<service>} too.
     */
    @Override
    public List<String> dnsNames(String network) {
        List<String> names = new ArrayList<>();
        for (String s : services.keySet()) {
            names.add(s);
            names.add(s + "." + NAMESPACE + ".svc." + ClusterDns.DOMAIN);
            for (String h : hostnames.getOrDefault(s, java.util.Collections.emptySortedSet())) {
                names.add(h + "." + s);
            }
        }
        return names;
    }

    @Override
    public DnsRecords records(String node, String network, String name) {
        return plane.records(NAMESPACE, name);
    }

    @Override
    public Optional<Balancer> balancerOf(TrafficClient client) {
        Target target = Target.parse(client.target());
        if (target instanceof Target.NodePort np) {
            return plane.nodePortServiceOf(np.port()).map(s -> new Balancer(np.node(), networkOf(client), s));
        }
        String name = ((Target.Name) target).name();
        ServiceSpec s = services.get(name);
        if (client.from().isEmpty() || s == null || s.endpointMode() == EndpointMode.DNSRR) {
            return Optional.empty();
        }
        return Optional.of(new Balancer(client.from().get(), networkOf(client), name));
    }

    @Override
    public List<Destination> destinations(Balancer b) {
        List<Destination> out = new ArrayList<>();
        for (String pod : plane.proxyBackends(b.node(), NAMESPACE, b.service())) {
            out.add(new Destination(pod, 1));
        }
        return out;
    }

    @Override
    public String why(Route route, Result result, int backend) {
        KubeRoute r = (KubeRoute) route;
        List<NetworkPolicy> droppedBy = result == Result.TIMEOUT && backend >= 0 ? router.droppedBy(r.route(), backend) : List.of();
        if (!droppedBy.isEmpty()) {
            return Explainer.droppedByPolicy(r.client(), r.target(), backend, backends, droppedBy,
                    workloads.get(backend), router.podPort(r.route()));
        }
        return Explainer.kubernetes(r.client(), r.target(), result, backend, backends, topology, this);
    }

    boolean knows(String name) {
        return !plane.records(NAMESPACE, name).isNxdomain() || services.containsKey(name);
    }
}
