package io.flotilla.scenarios.views;

import io.flotilla.network.topology.FirewallRule;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ContainerBackOff;
import io.flotilla.sim.events.ContainerCommanded;
import io.flotilla.sim.events.FirewallChanged;
import io.flotilla.sim.events.ImagePullFailed;
import io.flotilla.sim.events.LeaderChanged;
import io.flotilla.sim.events.NetworkChanged;
import io.flotilla.sim.events.NetworkCreated;
import io.flotilla.sim.events.NodeAvailabilityChanged;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.NodeTaintChanged;
import io.flotilla.sim.events.PodEvicted;
import io.flotilla.sim.events.TaskAddressed;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskUnallocated;
import io.flotilla.sim.events.TaskUnplaced;
import io.flotilla.sim.events.TaskWaiting;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A run as it stood at one virtual moment, folded from its event log: every task and node with the
 * history the views print (when each state was reported, what the manager wants, the restarts),
 * the raft leader, which hosts reach each other, the networks created, and the events Kubernetes
 * recorded about each pod. The views read only this, as the real tools read only their API.
 */
public final class RunMoment {

    /**
     * The commands with which an operator has the runtime start a pod's exited container itself
     * ({@code docker start}, {@code docker restart}); after {@code remove} the kubelet makes a new one.
     */
    private static final Set<String> STARTS_BY_HAND = Set.of("start", "restart");

    private final RunResult run;
    private final long at;
    private final DisplayIds ids;
    private final Map<String, TaskRecord> tasks = new LinkedHashMap<>();
    private final Map<String, NodeRecord> nodes = new LinkedHashMap<>();
    private final Map<String, NetworkCreated> networks = new LinkedHashMap<>();
    private final Reach reach = new Reach();
    private final ImagePulls pulls;
    private final PodEventLog podEvents;
    private Optional<String> leader = Optional.empty();

    private RunMoment(RunResult run, long at) {
        this.run = run;
        this.at = at;
        this.ids = new DisplayIds(run.seed());
        this.pulls = new ImagePulls(run.scenario());
        this.podEvents = new PodEventLog(run.scenario(), ids, pulls);
        for (NodeDecl n : run.scenario().nodes()) {
            nodes.put(n.name(), new NodeRecord(n));
        }
    }

    /** The run at virtual time {@code at} (every event at or before it applied). */
    public static RunMoment of(RunResult run, long at) {
        RunMoment m = new RunMoment(run, at);
        for (LoggedEvent logged : run.log().events()) {
            if (logged.time() > at) {
                break;
            }
            m.apply(logged);
            m.pulls.apply(logged); // after the pod events, which ask how the task stood before it
        }
        return m;
    }

    private void apply(LoggedEvent logged) {
        Event event = logged.event();
        long time = logged.time();
        boolean kubernetes = strategy() == Strategy.KUBERNETES;
        if (event instanceof TaskCreated e) {
            TaskRecord t = new TaskRecord(e.task(), e.name(), e.service(), e.slot(), e.version(), e.image(), e.node(),
                    e.desired(), time, e.addresses());
            tasks.put(e.task(), t);
            t.changed(logged.seq(), time);
        } else if (event instanceof TaskStateChanged e) {
            task(e.task(), logged, t -> {
                t.truth(e.state(), time, e.error());
                if (e.node() != null) {
                    t.node = e.node();
                }
                if (kubernetes) {
                    podEvents.truth(e, t, time);
                }
            });
        } else if (event instanceof TaskObserved e) {
            task(e.task(), logged, t -> t.report(e.state(), time, e.message()));
        } else if (event instanceof TaskDesired e) {
            task(e.task(), logged, t -> {
                t.desired = e.desired();
                t.desiredAt = time;
            });
        } else if (event instanceof TaskUnplaced e) {
            task(e.task(), logged, t -> t.waiting = e.error());
            if (kubernetes) {
                podEvents.unplaced(e, time);
            }
        } else if (event instanceof TaskUnallocated e) {
            task(e.task(), logged, t -> t.waiting = e.error());
        } else if (event instanceof TaskAddressed e) {
            task(e.task(), logged, t -> t.addresses.put(e.network(), e.address()));
        } else if (event instanceof TaskHealthChanged e) {
            task(e.task(), logged, t -> t.health = e.status());
            if (kubernetes) {
                podEvents.health(e, time);
            }
        } else if (event instanceof ContainerBackOff e) {
            task(e.task(), logged, t -> {
                t.backingOff = true;
                podEvents.backOff(e, t, time);
            });
        } else if (event instanceof TaskWaiting e) {
            task(e.task(), logged, t -> {
                t.imageWaiting = e;
                podEvents.imageWaiting(e, t, time);
            });
        } else if (event instanceof ImagePullFailed e && kubernetes) {
            tasks.values().stream().filter(t -> t.pullFailsAgain(e)).forEach(t -> podEvents.pullFailed(t, e.error(), time));
        } else if (event instanceof PodEvicted e) {
            podEvents.evicted(e, time);
        } else if (event instanceof ContainerCommanded e) {
            TaskRecord t = tasks.get(e.task());
            if (kubernetes && t != null && STARTS_BY_HAND.contains(e.command())) {
                t.startedByOperator();
                podEvents.startedByOperator(e.task());
            }
        } else {
            applyToCluster(event, time, kubernetes);
        }
    }

    private void applyToCluster(Event event, long time, boolean kubernetes) {
        if (event instanceof NodeStatusChanged e) {
            node(e.node()).ifPresent(n -> {
                if (kubernetes && n.status == NodeStatus.READY && e.status() != NodeStatus.READY) {
                    podsOn(n.name()).stream().filter(p -> ready(p, n)).forEach(p -> podEvents.nodeNotReady(p.id, time));
                }
                n.status = e.status();
                n.statusMessage = e.message();
                n.statusAt = time;
            });
        } else if (event instanceof NodeAvailabilityChanged e) {
            node(e.node()).ifPresent(n -> n.availability = e.availability());
        } else if (event instanceof NodeCrashed e) {
            node(e.node()).ifPresent(n -> n.up = false);
        } else if (event instanceof NodeBooted e) {
            node(e.node()).ifPresent(n -> n.up = true);
        } else if (event instanceof NodeTaintChanged e) {
            node(e.node()).ifPresent(n -> {
                if (e.added()) {
                    n.taints.add(e.taint());
                } else {
                    n.taints.remove(e.taint());
                }
            });
        } else if (event instanceof LeaderChanged e) {
            leader = e.state().equals("leader") ? Optional.ofNullable(e.leader()) : Optional.empty();
        } else if (event instanceof NetworkChanged e) {
            reach.changed(e);
        } else if (event instanceof FirewallChanged e && e.rules().contains(FirewallRule.SWARM_MANAGER.toString())) {
            reach.raftPort(e.node(), e.action().equals("drop"));
        } else if (event instanceof NetworkCreated e) {
            networks.put(e.network(), e);
        }
    }

    private void task(String id, LoggedEvent logged, Consumer<TaskRecord> change) {
        TaskRecord t = tasks.get(id);
        if (t != null) {
            change.accept(t);
            t.changed(logged.seq(), logged.time());
        }
    }

    private List<TaskRecord> podsOn(String node) {
        return tasks.values().stream().filter(t -> node.equals(t.node) && t.reported != TaskState.SHUTDOWN).toList();
    }

    /**
     * A pod's Ready condition as the API holds it: its container reported running, its readiness
     * probe (if any) passing, and its node not marked as having stopped reporting.
     */
    public boolean ready(TaskRecord pod, NodeRecord node) {
        return pod.reported == TaskState.RUNNING && pod.health().map("healthy"::equals).orElse(true)
                && node.status == NodeStatus.READY;
    }

    public Scenario scenario() {
        return run.scenario();
    }

    /** The whole run, for the views that read its log past what the fold keeps (the access logs). */
    RunResult run() {
        return run;
    }

    public Strategy strategy() {
        return run.strategy();
    }

    public long seed() {
        return run.seed();
    }

    /** The moment viewed, in virtual nanoseconds. */
    public long at() {
        return at;
    }

    public DisplayIds ids() {
        return ids;
    }

    /** Every task created up to the moment, oldest first. */
    public Collection<TaskRecord> tasks() {
        return tasks.values();
    }

    public Optional<TaskRecord> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    /** Nodes in scenario order. */
    public Collection<NodeRecord> nodes() {
        return nodes.values();
    }

    public Optional<NodeRecord> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    /** The raft leader, if the managers have one. */
    public Optional<String> leader() {
        return leader;
    }

    /** Whether {@code a} reaches {@code b} over the underlay now: both up, no partition or link between. */
    public boolean reaches(String a, String b) {
        return node(a).map(NodeRecord::isUp).orElse(false) && node(b).map(NodeRecord::isUp).orElse(false)
                && reach.reaches(a, b);
    }

    /** Whether raft passes between two Swarm managers now: they reach each other, and neither's firewall drops 2377/tcp. */
    public boolean raftReaches(String a, String b) {
        return reaches(a, b) && (a.equals(b) || !reach.raftDropped.contains(a) && !reach.raftDropped.contains(b));
    }

    /** The networks the run created (Swarm), by name, in creation order. */
    public Map<String, NetworkCreated> networks() {
        return networks;
    }

    /** The events kept about a pod at the moment, oldest last occurrence first. */
    public List<KubeEvent> podEvents(String pod) {
        return podEvents.of(pod, at);
    }

    /** The managers, in scenario order. */
    public List<NodeRecord> managers() {
        return nodes.values().stream().filter(n -> n.decl.spec().role() == NodeRole.MANAGER).toList();
    }

    /** Partitions, cut links and raft's port, as the fabric applies them: a partition replaces the last, heal lifts the cuts. */
    private static final class Reach {
        private final Map<String, Integer> group = new LinkedHashMap<>();
        private final Set<String> cut = new HashSet<>();
        /** The managers whose firewall drops raft's port; a heal leaves them (a firewall is no fault of the network). */
        private final Set<String> raftDropped = new HashSet<>();
        private int others;

        void raftPort(String node, boolean dropped) {
            if (dropped) {
                raftDropped.add(node);
            } else {
                raftDropped.remove(node);
            }
        }

        void changed(NetworkChanged e) {
            switch (e.change()) {
                case "partition" -> {
                    group.clear();
                    for (int g = 0; g < e.groups().size(); g++) {
                        for (String host : e.groups().get(g)) {
                            group.put(host, g);
                        }
                    }
                    others = e.groups().size();
                }
                case "heal" -> {
                    group.clear();
                    cut.clear();
                }
                case "link_down" -> cut.add(pair(e.groups().get(0)));
                case "link_up" -> cut.remove(pair(e.groups().get(0)));
                default -> { }
            }
        }

        boolean reaches(String a, String b) {
            return a.equals(b) || (group.getOrDefault(a, others) == (int) group.getOrDefault(b, others)
                    && !cut.contains(pair(List.of(a, b))));
        }

        private static String pair(List<String> ends) {
            String a = ends.get(0);
            String b = ends.get(1);
            return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
        }
    }
}
