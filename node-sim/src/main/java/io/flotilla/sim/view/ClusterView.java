package io.flotilla.sim.view;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ContainerCommanded;
import io.flotilla.sim.events.DnsAnswersChanged;
import io.flotilla.sim.events.ImagePulled;
import io.flotilla.sim.events.LbBackendChanged;
import io.flotilla.sim.events.NodeAvailabilityChanged;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.RegistryStateChanged;
import io.flotilla.sim.events.TaskAddressed;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskSecrets;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskUnallocated;
import io.flotilla.sim.events.TaskUnplaced;
import io.flotilla.sim.events.TaskWaiting;
import io.flotilla.sim.events.TrafficCounted;
import io.flotilla.sim.events.UpdateStatusChanged;
import io.flotilla.sim.events.VolumeAttached;
import io.flotilla.sim.events.VolumeCreated;
import io.flotilla.sim.events.VolumeData;
import io.flotilla.sim.events.VolumeDeleted;
import io.flotilla.sim.events.VolumeDetached;
import io.flotilla.sim.events.VolumeLost;
import io.flotilla.sim.events.VolumeReplica;
import io.flotilla.sim.events.WorkloadFailedCreate;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.kernel.LoggedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cluster folded from the event log up to some moment. Feed it events in log order with
 * {@link #apply}; read it at any point. Tasks are kept in creation order.
 *
 * <p>Beside the truth about nodes and tasks it keeps each node's beliefs about the data plane (the
 * newest DNS answer per name and network, the load balancers' backends) and every traffic window
 * logged so far, and every volume: where it is, its state and up to when it holds every write; the
 * images each node has on its disk (an image a task of it was prepared with, or a logged pull
 * brought), and the registries that are down; the pod creations each workload's controller had
 * refused (kubernetes strategy); and each service's newest update status. Asked to, it keeps every
 * event it applied ({@link #keepHistory}), for the questions of what happened when.
 */
public final class ClusterView {

    /** The node of a DNS answer that every node gets alike: the cluster DNS of the kubernetes strategy. */
    public static final String EVERY_NODE = "*";

    private final Map<String, NodeView> nodes = new LinkedHashMap<>();
    private final Map<String, TaskView> tasks = new LinkedHashMap<>();
    private final Map<String, TaskView> newestByName = new LinkedHashMap<>();
    /** By name, then by node and network. */
    private final Map<String, Map<DnsKey, DnsEntry>> dns = new HashMap<>();
    private final Map<LbKey, Map<String, Integer>> backends = new HashMap<>();
    private final Map<String, List<TrafficCounted>> traffic = new LinkedHashMap<>();
    private final Map<String, UpdateStatusChanged> updates = new HashMap<>();
    /** Every event applied since {@link #keepHistory}; empty while nobody asked (most readers never do). */
    private Optional<List<LoggedEvent>> history = Optional.empty();
    /** By name, then by the node whose disk holds it ("" for network storage). */
    private final TreeMap<String, TreeMap<String, VolumeView>> volumes = new TreeMap<>();
    private final Set<String> registriesDown = new TreeSet<>();
    private final Map<String, FailedCreates> failedCreates = new TreeMap<>();
    private long time;
    private long applied;

    private record DnsKey(String node, String network, String name) {}

    /** An answer and its place in the log, so that the newer of a node's own and the cluster's wins. */
    private record DnsEntry(DnsAnswersChanged answer, long order) {}

    private record LbKey(String node, String network, String service) {}

    /**
     * A workload whose controller had pod creations refused: how many in all, the first and last
     * time, and the last refusal (its {@code count} is how many in a row).
     */
    public record FailedCreates(int count, long first, long last, WorkloadFailedCreate latest) {}

    private final Map<String, Integer> nodeOrder = new HashMap<>();

    /** A view of the nodes (in scenario order) before anything has happened. */
    public ClusterView(Map<String, NodeRole> roles, Map<String, Availability> availability) {
        roles.forEach((name, role) -> {
            nodeOrder.put(name, nodes.size());
            nodes.put(name, new NodeView(name, role, availability.get(name)));
        });
    }

    /**
     * Applies the events of {@code log} from index {@code from} up to and including virtual
     * {@code until}; returns the index of the first it left.
     */
    public int applyUntil(EventLog log, int from, long until) {
        int i = from;
        int size = log.size();
        while (i < size && log.time(i) <= until) {
            apply(log.time(i), i, log.event(i));
            i++;
        }
        time = Math.max(time, until);
        return i;
    }

    /** From now on, keeps every event applied, for {@link #history}; returns this view. */
    public ClusterView keepHistory() {
        if (history.isEmpty()) {
            history = Optional.of(new ArrayList<>());
        }
        return this;
    }

    public void apply(LoggedEvent logged) {
        apply(logged.time(), logged.seq(), logged.event());
    }

    private void apply(long at, long seq, Event event) {
        time = at;
        applied++;
        if (history.isPresent()) {
            history.get().add(new LoggedEvent(at, seq, event));
        }
        if (event instanceof TaskCreated e) {
            TaskView t = new TaskView(e.task(), e.name(), e.service(), e.slot(), e.version(), e.image(), e.node(), e.desired(), e.addresses());
            tasks.put(t.id, t);
            newestByName.put(t.name, t); // an existing name keeps its place: first appearance order
        } else if (event instanceof TaskStateChanged e) {
            withTask(e.task(), t -> {
                // A task that leaves new got its addresses: the allocator's error is past.
                if (e.state() != TaskState.PENDING || t.state == TaskState.NEW) {
                    t.error = e.error();
                }
                t.state = e.state();
                if (e.state().isTerminal() || e.state() == TaskState.STARTING) {
                    t.paused = false; // a container that exits, or starts again, is not frozen
                }
                if (e.node() != null) {
                    t.node = e.node();
                }
                // A task prepared (or further) on a node: its image is on that node's disk, which a crash keeps.
                if (t.node != null && e.state().compareTo(TaskState.READY) >= 0 && !e.state().isTerminal()
                        && !t.node.equals(t.imageListedOn)) {
                    withNode(t.node, n -> n.images.add(t.image));
                    t.imageListedOn = t.node;
                }
            });
        } else if (event instanceof TaskWaiting e) {
            withTask(e.task(), t -> t.error = e.reason() + ": " + e.message());
        } else if (event instanceof ImagePulled e) {
            withNode(e.node(), n -> n.images.add(e.image()));
        } else if (event instanceof RegistryStateChanged e) {
            if (e.up()) {
                registriesDown.remove(e.registry());
            } else {
                registriesDown.add(e.registry());
            }
        } else if (event instanceof TaskObserved e) {
            withTask(e.task(), t -> t.believed = e.state());
        } else if (event instanceof TaskDesired e) {
            withTask(e.task(), t -> t.desired = e.desired());
        } else if (event instanceof TaskUnplaced e) {
            withTask(e.task(), t -> t.error = e.error());
        } else if (event instanceof TaskUnallocated e) {
            withTask(e.task(), t -> t.error = e.error());
        } else if (event instanceof NodeCrashed e) {
            withNode(e.node(), n -> n.up = false);
        } else if (event instanceof NodeBooted e) {
            withNode(e.node(), n -> n.up = true);
        } else if (event instanceof NodeStatusChanged e) {
            withNode(e.node(), n -> n.believed = e.status());
        } else if (event instanceof NodeAvailabilityChanged e) {
            withNode(e.node(), n -> n.availability = e.availability());
        } else if (event instanceof TaskAddressed e) {
            withTask(e.task(), t -> t.addressed(e.network(), e.address()));
        } else if (event instanceof ContainerCommanded e) {
            withTask(e.task(), t -> t.paused = e.command().equals("pause"));
        } else if (event instanceof TaskHealthChanged e) {
            withTask(e.task(), t -> t.health = e.status());
        } else if (event instanceof DnsAnswersChanged e) {
            dns.computeIfAbsent(e.name(), n -> new HashMap<>())
                    .put(new DnsKey(e.node(), e.network(), e.name()), new DnsEntry(e, applied));
        } else if (event instanceof LbBackendChanged e) {
            Map<String, Integer> weights = backends.computeIfAbsent(new LbKey(e.node(), e.network(), e.service()),
                    k -> new LinkedHashMap<>());
            if (e.weight() < 0) {
                weights.remove(e.task());
            } else {
                weights.put(e.task(), e.weight());
            }
        } else if (event instanceof TrafficCounted e) {
            traffic.computeIfAbsent(e.client(), c -> new ArrayList<>()).add(e);
        } else if (event instanceof UpdateStatusChanged e) {
            updates.put(e.service(), e);
        } else if (event instanceof VolumeCreated e) {
            volumes.computeIfAbsent(e.volume(), n -> new TreeMap<>())
                    .put(onKey(e.on()), new VolumeView(e.volume(), Optional.ofNullable(e.on())));
        } else if (event instanceof VolumeAttached e) {
            withVolume(e.volume(), e.on(), v -> {
                v.state = "attached";
                v.node = Optional.ofNullable(e.node());
            });
        } else if (event instanceof VolumeDetached e) {
            withVolume(e.volume(), e.on(), v -> {
                v.state = "detached";
                v.node = v.on;
            });
        } else if (event instanceof VolumeLost e) {
            withVolume(e.volume(), e.on(), v -> {
                v.state = "lost";
                v.node = v.on;
            });
        } else if (event instanceof VolumeData e) {
            withVolume(e.volume(), e.on(), v -> {
                v.holds = e.holds();
                v.through = e.through() == null ? 0 : e.through().toNanos();
            });
        } else if (event instanceof VolumeReplica e) {
            withVolume(e.volume(), e.on(), v -> v.copies.put(e.of(), e));
        } else if (event instanceof VolumeDeleted e) {
            Map<String, VolumeView> copies = volumes.get(e.volume());
            if (copies != null) {
                copies.remove(onKey(e.on()));
                if (copies.isEmpty()) {
                    volumes.remove(e.volume());
                }
            }
        } else if (event instanceof TaskSecrets e) {
            withTask(e.task(), t -> {
                t.secrets = e.secrets();
                t.configs = e.configs();
            });
        } else if (event instanceof WorkloadFailedCreate e) {
            FailedCreates before = failedCreates.get(e.service());
            failedCreates.put(e.service(), before == null ? new FailedCreates(1, time, time, e)
                    : new FailedCreates(before.count() + 1, before.first(), time, e));
        }
    }

    public long time() {
        return time;
    }

    /** The registries that are down now, by name. */
    public Set<String> registriesDown() {
        return Collections.unmodifiableSet(registriesDown);
    }

    public Collection<NodeView> nodes() {
        return nodes.values();
    }

    public Optional<NodeView> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    /** Every task ever created, oldest first. */
    public Collection<TaskView> allTasks() {
        return tasks.values();
    }

    /**
     * The newest task of every slot, global node and ordinal, in the order those first appeared;
     * a slot removed by a scale-down is left out once its task has stopped.
     */
    public List<TaskView> newestTasks() {
        return newestByName.values().stream()
                .filter(t -> !(t.desired() == TaskState.REMOVE && t.state().isTerminal()))
                .toList();
    }

    public Optional<TaskView> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    public Optional<TaskView> newest(String name) {
        return Optional.ofNullable(newestByName.get(name));
    }

    /** Tasks of the service that are really running, wherever they are. */
    public List<TaskView> running(String service) {
        return tasks.values().stream().filter(t -> t.service.equals(service) && t.isRunning()).toList();
    }

    /** Running tasks of the service per node, for the nodes that have any, in node order. */
    public Map<String, Integer> runningPerNode(String service) {
        Map<String, Integer> counts = new TreeMap<>(java.util.Comparator.comparingInt(this::nodeOrder));
        running(service).forEach(t -> counts.merge(t.node, 1, Integer::sum));
        return counts;
    }

    /** Tasks of the service, newest of their slot or not, that are {@linkplain TaskView#isTerminating terminating}. */
    public List<TaskView> terminating(String service) {
        return tasks.values().stream().filter(t -> t.service.equals(service) && t.isTerminating()).toList();
    }

    /**
     * The newest tasks of the service that wait for a node, and those that still wait for an
     * address (new: Swarm's allocator found a network full) before they can.
     */
    public List<TaskView> pending(String service) {
        return newestByName.values().stream()
                .filter(t -> t.service.equals(service) && t.state.compareTo(TaskState.PENDING) <= 0
                        && t.desired.compareTo(TaskState.RUNNING) <= 0)
                .toList();
    }

    /**
     * What a container on {@code node} gets when it asks for {@code name} on {@code network} (any
     * network when empty): the newest answer logged for that node on that network, or for
     * {@linkplain #EVERY_NODE every node} on any network (the cluster DNS). Empty when nothing was
     * ever logged for the name there, which a resolver answers as NXDOMAIN too.
     */
    public Optional<DnsAnswersChanged> dns(String node, Optional<String> network, String name) {
        DnsEntry newest = null;
        for (Map.Entry<DnsKey, DnsEntry> e : dns.getOrDefault(name, Map.of()).entrySet()) {
            DnsKey k = e.getKey();
            // The cluster DNS answers alike on every network too: the kubernetes strategy has one pod network.
            boolean matches = k.node.equals(EVERY_NODE) || (k.node.equals(node) && network.map(k.network::equals).orElse(true));
            if (matches && (newest == null || e.getValue().order > newest.order)) {
                newest = e.getValue();
            }
        }
        return newest == null ? Optional.empty() : Optional.of(newest.answer);
    }

    /** The newest answer logged for exactly this node ({@link #EVERY_NODE} included), network and name. */
    public Optional<DnsAnswersChanged> dnsLogged(String node, String network, String name) {
        DnsEntry e = dns.getOrDefault(name, Map.of()).get(new DnsKey(node, network, name));
        return e == null ? Optional.empty() : Optional.of(e.answer);
    }

    /**
     * The backends of {@code node}'s load balancer for {@code service} on {@code network}, task to
     * weight (0: de-weighted), in the order they were added.
     */
    public Map<String, Integer> backends(String node, String network, String service) {
        return Collections.unmodifiableMap(backends.getOrDefault(new LbKey(node, network, service), Map.of()));
    }

    /** The refused pod creations of each workload that had any, by workload name. */
    public Map<String, FailedCreates> failedCreates() {
        return Collections.unmodifiableMap(failedCreates);
    }

    /**
     * The names of the secrets {@code node} holds: those of the tasks assigned to it that have not
     * ended, as Swarm's dispatcher sends a node only the secrets of its own tasks and a kubelet
     * reads only the Secrets of the pods bound to it.
     */
    public List<String> secretsOn(String node) {
        TreeSet<String> names = new TreeSet<>();
        for (TaskView t : tasks.values()) {
            if (node.equals(t.node) && t.state.compareTo(TaskState.ASSIGNED) >= 0 && !t.state.isTerminal()) {
                t.secrets.forEach(s -> names.add(s.name()));
            }
        }
        return List.copyOf(names);
    }

    /** Every traffic window of {@code client} logged so far, in log order. */
    public List<TrafficCounted> traffic(String client) {
        return Collections.unmodifiableList(traffic.getOrDefault(client, List.of()));
    }

    /**
     * The newest status of the service's rolling update or rollback ({@code updating}, {@code paused},
     * {@code completed}, {@code rollback_started}, ...); empty while it has had none.
     */
    public Optional<UpdateStatusChanged> updateStatus(String service) {
        return Optional.ofNullable(updates.get(service));
    }

    /**
     * Every event applied since {@link #keepHistory} was called, in log order.
     *
     * @throws IllegalStateException when the view was not asked to keep them
     */
    public List<LoggedEvent> history() {
        return Collections.unmodifiableList(history.orElseThrow(() -> new IllegalStateException(
                "this view keeps no history; call keepHistory() before applying events")));
    }

    /** Every volume, by name, then by the node whose disk holds it (network ones first). */
    public List<VolumeView> volumes() {
        List<VolumeView> out = new ArrayList<>();
        volumes.values().forEach(copies -> out.addAll(copies.values()));
        return out;
    }

    /** The copies of the volume named {@code name}: one per node for Docker's local driver, else at most one. */
    public List<VolumeView> volumes(String name) {
        return List.copyOf(volumes.getOrDefault(name, new TreeMap<>()).values());
    }

    private static String onKey(String on) {
        return on == null ? "" : on;
    }

    private void withVolume(String name, String on, java.util.function.Consumer<VolumeView> change) {
        VolumeView v = volumes.getOrDefault(name, new TreeMap<>()).get(onKey(on));
        if (v != null) {
            change.accept(v);
        }
    }

    private int nodeOrder(String node) {
        return nodeOrder.getOrDefault(node, Integer.MAX_VALUE);
    }

    private void withTask(String id, java.util.function.Consumer<TaskView> change) {
        TaskView t = tasks.get(id);
        if (t != null) {
            change.accept(t);
        }
    }

    private void withNode(String name, java.util.function.Consumer<NodeView> change) {
        NodeView n = nodes.get(name);
        if (n != null) {
            change.accept(n);
        }
    }
}
