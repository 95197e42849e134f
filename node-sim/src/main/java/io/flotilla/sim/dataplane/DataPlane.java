package io.flotilla.sim.dataplane;

import io.flotilla.network.driver.Driver;
import io.flotilla.network.kubernetes.NetworkPolicies;
import io.flotilla.network.driver.NetworkSpec;
import io.flotilla.network.driver.Networks;
import io.flotilla.network.gossip.FailedPeerEntries;
import io.flotilla.network.gossip.GossipConfig;
import io.flotilla.network.overlay.OverlayNetwork;
import io.flotilla.network.overlay.Subnet;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Target;
import io.flotilla.network.topology.FirewallRule;
import io.flotilla.network.topology.Topology;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.Task;
import io.flotilla.sim.control.NetworkSetup;
import io.flotilla.sim.control.ServiceEndpoint;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.FirewallChanged;
import io.flotilla.sim.events.NetworkCreated;
import io.flotilla.sim.events.TaskAddressed;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.kernel.Kernel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The data plane of the simulated cluster: it owns the network model for the run (Swarm's gossip-fed
 * per-node DNS and IPVS, or Kubernetes' Services, EndpointSlices and kube-proxy, as the strategy
 * says: a {@link Plane}), feeds it in virtual time what the rest of the cluster does, runs the traffic
 * clients through it, and logs what it decides.
 *
 * <p>It learns the truth from the node agents (a container started or stopped, a service binding
 * activated or deactivated, an application that serves or no longer does: each node's daemon
 * publishes and withdraws its own endpoints, as libnetwork does), from the fabric (a host down or up,
 * a partition, a heal, a link cut or restored: the underlay) and from the control plane (a service's
 * virtual IPs and a task's addresses from Swarm's allocator; a Service's endpoints from Kubernetes'
 * EndpointSlice controller). It sends nothing to anyone: nothing in the rest of the cluster depends
 * on it, so a run without networks or traffic logs exactly what it logged before.
 *
 * <p>Time. The model's own actions (gossip ticks and deliveries, probes, kube-proxy syncs) run on one
 * timer, set to the next action the model says is due; every message first catches up: the requests
 * sent before now, against the model as it was; the model's actions due now; then the input; then
 * the requests sent at this very instant, which so see what happened at it. What changed is logged
 * at the end of the instant. A request needs no timer of its own.
 */
public final class DataPlane extends AbstractBehavior<DataPlane.Command> {

    public sealed interface Command {}

    /** A service was created, with its virtual IP on each network (Swarm; empty for Kubernetes). */
    public record ServiceDeclared(ServiceSpec spec, SortedMap<String, String> vips) implements Command {}

    /** The Swarm allocator's addresses for a new task, by network. */
    public record TaskAddresses(String taskId, SortedMap<String, String> addresses) implements Command {}

    /** Kubernetes: the EndpointSlice controller wrote a Service's endpoints. */
    public record EndpointsChanged(String service, List<ServiceEndpoint> endpoints) implements Command {}

    /** The task's container is running on the node (its sandbox is attached to the task's networks). */
    public record ContainerStarted(String node, Task task) implements Command {}

    /** The daemon activates ({@code enabled}) or deactivates (de-weights) the task's service binding. */
    public record BindingChanged(String node, String taskId, boolean enabled) implements Command {}

    /** Truth: the task's application answers requests now ({@code serving}) or does not. */
    public record ServingChanged(String taskId, boolean serving) implements Command {}

    /** The container is gone; {@code removed}: with its sandbox (not a pod's container that will restart in place). */
    public record ContainerStopped(String node, String taskId, boolean removed) implements Command {}

    /** The host crashed. */
    public record HostDown(String node) implements Command {}

    /** The host booted again. */
    public record HostUp(String node) implements Command {}

    public record Partitioned(List<List<String>> groups) implements Command {}

    public enum Healed implements Command { INSTANCE }

    public record LinkDown(String a, String b) implements Command {}

    public record LinkUp(String a, String b) implements Command {}

    /** The firewall in front of {@code node} drops ({@code drop}) inbound packets matching {@code rules}, or lets them in. */
    public record Firewall(String node, boolean drop, List<FirewallRule> rules) implements Command {}

    private enum Wake implements Command { INSTANCE }

    /** The end of an instant: what changed in it is logged. */
    private enum Flush implements Command { INSTANCE }

    /** How long a served request takes once it reaches its task. */
    static final long SERVICE_NANOS = 1_000_000L;

    private final EventLog log;
    private final TimerScheduler<Command> timers;
    private final Topology topology;
    private final Plane plane;
    private final AnswerLog answers;
    private final BalancerLog balancers;
    private final Traffic traffic;
    private long wakeAt = Long.MAX_VALUE;
    private boolean flushPending;

    public static Behavior<Command> create(DataPlaneSetup setup, Kernel kernel) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new DataPlane(ctx, setup, kernel, timers)));
    }

    private DataPlane(ActorContext<Command> ctx, DataPlaneSetup setup, Kernel kernel, TimerScheduler<Command> timers) {
        super(ctx);
        this.log = kernel.log();
        this.timers = timers;
        this.topology = new Topology(setup.hosts());
        this.answers = new AnswerLog(log);
        this.balancers = new BalancerLog(log);
        Randomness randomness = kernel.random()::stream;
        Changes changes = new LogChanges();
        if (setup.kubernetesApiServer().isPresent()) {
            this.plane = new KubernetesPlane(topology, setup.kubernetesApiServer().get(), randomness, SERVICE_NANOS, changes,
                    new NetworkPolicies(setup.settings().networkPolicies()));
        } else {
            Networks networks = new Networks(setup.networks().stream().map(NetworkSetup::spec).toList());
            GossipConfig gossip = GossipConfig.defaults().withFailedPeerEntries(
                    setup.settings().failedPeerEntries() == DataPlaneSettings.FailedPeerEntries.DELETE
                            ? FailedPeerEntries.DELETE : FailedPeerEntries.SUSPEND);
            this.plane = new SwarmPlane(topology, networks, gossip, randomness, SERVICE_NANOS, routers(setup), changes);
            setup.networks().forEach(n -> logCreated(networks, n.name()));
        }
        this.traffic = new Traffic(setup.traffic(), setup.settings(), plane, log, balancers);
        rearm();
    }

    /** The declared network as the Swarm allocator made it, logged at the start of the run. */
    private void logCreated(Networks networks, String name) {
        log.append(new NetworkCreated(name, networks.driver(name).orElse(Driver.OVERLAY).describe(),
                networks.overlays().get(name).map(OverlayNetwork::vni).orElse(0),
                networks.subnet(name).map(Subnet::toString).orElse(""), networks.mtu(name),
                networks.spec(name).map(NetworkSpec::encrypted).orElse(false)));
    }

    /** The nodes that route requests: each client's own, and those a client reaches as {@code NODE:PORT}. */
    private static Set<String> routers(DataPlaneSetup setup) {
        Set<String> out = new TreeSet<>();
        for (TrafficClient c : setup.traffic()) {
            c.from().ifPresent(out::add);
            if (Target.parse(c.target()) instanceof Target.NodePort np) {
                out.add(np.node());
            }
        }
        return out;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(ServiceDeclared.class, this::onServiceDeclared)
                .onMessage(TaskAddresses.class, this::onTaskAddresses)
                .onMessage(EndpointsChanged.class, this::onEndpointsChanged)
                .onMessage(ContainerStarted.class, this::onContainerStarted)
                .onMessage(BindingChanged.class, this::onBindingChanged)
                .onMessage(ServingChanged.class, this::onServingChanged)
                .onMessage(ContainerStopped.class, this::onContainerStopped)
                .onMessage(HostDown.class, this::onHostDown)
                .onMessage(HostUp.class, this::onHostUp)
                .onMessage(Partitioned.class, this::onPartitioned)
                .onMessageEquals(Healed.INSTANCE, this::onHealed)
                .onMessage(LinkDown.class, this::onLinkDown)
                .onMessage(LinkUp.class, this::onLinkUp)
                .onMessage(Firewall.class, this::onFirewall)
                .onMessageEquals(Wake.INSTANCE, this::onWake)
                .onMessageEquals(Flush.INSTANCE, this::onFlush)
                .build();
    }

    private Behavior<Command> onServiceDeclared(ServiceDeclared m) {
        long now = catchUp();
        plane.serviceDeclared(m.spec(), m.vips(), now);
        return settle(now);
    }

    private Behavior<Command> onTaskAddresses(TaskAddresses m) {
        plane.taskAddressed(m.taskId(), m.addresses());
        return this;
    }

    private Behavior<Command> onEndpointsChanged(EndpointsChanged m) {
        long now = catchUp();
        plane.endpointsChanged(m.service(), m.endpoints(), now);
        return settle(now);
    }

    private Behavior<Command> onContainerStarted(ContainerStarted m) {
        long now = catchUp();
        plane.containerStarted(m.node(), m.task(), now);
        return settle(now);
    }

    private Behavior<Command> onBindingChanged(BindingChanged m) {
        long now = catchUp();
        plane.bindingChanged(m.node(), m.taskId(), m.enabled(), now);
        return settle(now);
    }

    private Behavior<Command> onServingChanged(ServingChanged m) {
        long now = catchUp();
        Backends backends = plane.backends();
        backends.id(m.taskId()).ifPresent(b -> backends.setServing(b, m.serving()));
        return settle(now);
    }

    private Behavior<Command> onContainerStopped(ContainerStopped m) {
        long now = catchUp();
        Backends backends = plane.backends();
        backends.id(m.taskId()).ifPresent(b -> {
            backends.setServing(b, false);
            traffic.backendStopped(b, now, false);
        });
        plane.containerStopped(m.node(), m.taskId(), m.removed(), now);
        return settle(now);
    }

    /** A crash: every container of the host is gone at once, and what it was serving is never answered. */
    private Behavior<Command> onHostDown(HostDown m) {
        long now = catchUp();
        int host = topology.indexOf(m.node()).orElse(-1);
        Backends backends = plane.backends();
        backends.forEachOn(host, b -> {
            if (backends.serving(b)) {
                backends.setServing(b, false);
                traffic.backendStopped(b, now, true);
            }
        });
        plane.hostDown(m.node(), now);
        return settle(now);
    }

    private Behavior<Command> onHostUp(HostUp m) {
        long now = catchUp();
        plane.hostUp(m.node(), now);
        traffic.nodeUp(m.node(), now);
        return settle(now);
    }

    private Behavior<Command> onPartitioned(Partitioned m) {
        long now = catchUp();
        topology.partition(m.groups());
        plane.underlayChanged(now);
        return settle(now);
    }

    private Behavior<Command> onHealed() {
        long now = catchUp();
        topology.heal();
        plane.underlayChanged(now);
        return settle(now);
    }

    private Behavior<Command> onLinkDown(LinkDown m) {
        long now = catchUp();
        topology.linkDown(m.a(), m.b());
        plane.underlayChanged(now);
        return settle(now);
    }

    private Behavior<Command> onLinkUp(LinkUp m) {
        long now = catchUp();
        topology.linkUp(m.a(), m.b());
        plane.underlayChanged(now);
        return settle(now);
    }

    /**
     * Each rule that changes something is applied and logged; one in place already (or not in place,
     * for {@code accept}), or that nothing of this strategy's data plane ever carries, is ignored, and
     * logged as such. Requests already sent keep the fate they had.
     */
    private Behavior<Command> onFirewall(Firewall m) {
        long now = catchUp();
        OptionalInt host = topology.indexOf(m.node());
        List<FirewallRule> changed = new ArrayList<>();
        String action = m.drop() ? "drop" : "accept";
        for (FirewallRule rule : m.rules()) {
            Optional<String> unused = plane.neverCarries(rule);
            if (unused.isPresent()) {
                log.append(new ActionIgnored("firewall", m.node(), action + " " + rule + ": " + unused.get()));
            } else if (m.drop() ? topology.firewalls().drop(host.getAsInt(), rule) : topology.firewalls().accept(host.getAsInt(), rule)) {
                changed.add(rule);
            } else {
                log.append(new ActionIgnored("firewall", m.node(), m.node() + (m.drop() ? " already drops " : " does not drop ") + rule));
            }
        }
        if (!changed.isEmpty()) {
            log.append(new FirewallChanged(m.node(), action, changed.stream().map(FirewallRule::toString).toList()));
            plane.firewallChanged(changed, now);
        }
        return settle(now);
    }

    private Behavior<Command> onWake() {
        wakeAt = Long.MAX_VALUE;
        return settle(catchUp());
    }

    /**
     * Before an input at now: the requests sent before now see the model as it was, then the model's
     * own actions due now run, and the clients due start.
     */
    private long catchUp() {
        long now = log.now();
        traffic.sendUntil(now, false);
        traffic.complete(now);
        plane.advanceTo(now);
        traffic.start(now);
        return now;
    }

    /**
     * After an input at now: the requests of this instant and the traffic windows that ended, the next
     * wake, and, once every message of the instant is in, the DNS answers and load balancers that
     * changed (a timer due now fires when the cluster is quiet at this instant).
     */
    private Behavior<Command> settle(long now) {
        traffic.sendUntil(now, true);
        traffic.complete(now);
        traffic.flush(now);
        rearm();
        if (!flushPending) {
            flushPending = true;
            timers.startSingleTimer(Flush.INSTANCE, Duration.ZERO);
        }
        return this;
    }

    private Behavior<Command> onFlush() {
        flushPending = false;
        answers.flush(plane);
        balancers.flush(plane);
        plane.viewsLogged();
        return this;
    }

    private void rearm() {
        long now = log.now();
        long next = Long.MAX_VALUE;
        OptionalLong model = plane.nextEventTime();
        if (model.isPresent()) {
            next = model.getAsLong();
        }
        OptionalLong clients = traffic.nextWake(now);
        if (clients.isPresent()) {
            next = Math.min(next, clients.getAsLong());
        }
        if (next == wakeAt) {
            return;
        }
        wakeAt = next;
        if (next == Long.MAX_VALUE) {
            timers.cancel(Wake.INSTANCE);
        } else {
            timers.startSingleTimer(Wake.INSTANCE, Duration.ofNanos(Math.max(0, next - now)));
        }
    }

    /** The plane's changes, to the logs. */
    private final class LogChanges implements Changes {
        @Override
        public void addressed(String taskId, String network, String address) {
            log.append(new TaskAddressed(taskId, network, address));
        }

        @Override
        public void attached(String node, String network) {
            answers.attached(node, network);
        }

        @Override
        public void detached(String node, String network) {
            answers.detached(node, network);
        }

        @Override
        public void nodeGone(String node) {
            answers.nodeGone(node);
        }

        @Override
        public void viewChanged(String node, String network) {
            answers.viewChanged(node, network);
            balancers.viewChanged(node);
        }

        @Override
        public void everythingChanged() {
            answers.everythingChanged();
            balancers.everythingChanged();
        }
    }
}
