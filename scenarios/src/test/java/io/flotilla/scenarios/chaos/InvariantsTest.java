package io.flotilla.scenarios.chaos;

import static io.flotilla.scenarios.HandLog.running;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.HandLog;
import io.flotilla.scenarios.chaos.invariants.Convergence;
import io.flotilla.scenarios.chaos.invariants.CrashedNodeIdle;
import io.flotilla.scenarios.chaos.invariants.ForwardOnly;
import io.flotilla.scenarios.chaos.invariants.HostPorts;
import io.flotilla.scenarios.chaos.invariants.Invariants;
import io.flotilla.scenarios.chaos.invariants.NoTaskLost;
import io.flotilla.scenarios.chaos.invariants.OneOrdinalAtATime;
import io.flotilla.scenarios.chaos.invariants.ReservedResources;
import io.flotilla.scenarios.chaos.invariants.SingleWriterVolumes;
import io.flotilla.scenarios.chaos.invariants.UniqueAddresses;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.LeaderChanged;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskAddressed;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.VolumeAttached;
import io.flotilla.sim.events.VolumeDetached;
import io.flotilla.sim.kernel.Event;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each invariant breaks on a hand-made event stream that does what it forbids, and holds on one
 * that does not: a table of named cases, each the first invariant that breaks (or none).
 */
class InvariantsTest {

    static final Scenario CLUSTER = HandLog.parse("""
            scenario: hand
            until: 10m
            nodes:
              - {name: manager-1, role: manager, resources: {cpus: 1, memory: 1GiB}}
              - {name: worker-1, resources: {cpus: 1, memory: 1GiB}}
            networks: {backend: {}}
            services:
              web:
                image: nginx
                networks: [backend]
                deploy: {replicas: 2, resources: {reservations: {cpus: "0.6"}}}
              edge:
                image: haproxy
                ports: [{target: 80, published: 8080, mode: host}]
                deploy: {replicas: 2}
            statefulsets:
              db: {image: postgres, replicas: 1}
            """);

    record Case(String name, Strategy strategy, Consumer<HandLog> log, Optional<String> broken) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A statefulset's pod of {@code ordinal} (its task name {@code db-0}), running on {@code node}. */
    static Event[] ordinal(String id, int ordinal, String node) {
        return new Event[] {
            new TaskCreated(id, "db-" + ordinal, "db", ordinal, null, 1, "postgres", TaskState.RUNNING, new TreeMap<>()),
            new TaskStateChanged(id, node, TaskState.RUNNING, "started", null)};
    }

    /** Every service's tasks running, one on each node. */
    static HandLog whole(HandLog l) {
        return l.add(running("web.1#1", "web", 1, "manager-1", "backend=10.0.1.3"))
                .add(running("web.2#1", "web", 2, "worker-1", "backend=10.0.1.4"))
                .add(running("edge.1#1", "edge", 1, "manager-1")).add(running("edge.2#1", "edge", 2, "worker-1"));
    }

    /** Leader, both nodes ready, both services created: the start of every case. */
    static HandLog start() {
        return new HandLog().at("0s").add(new LeaderChanged("leader", "manager-1", 1, 1, "initial leader"),
                new NodeStatusChanged("manager-1", NodeStatus.READY, "heartbeat received"),
                new NodeStatusChanged("worker-1", NodeStatus.READY, "heartbeat received"),
                new ServiceChanged("web", "create", 1, 2, "nginx"), new ServiceChanged("edge", "create", 1, 2, "haproxy"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("a healthy run breaks nothing", Strategy.SWARM, l -> l.at("1s")
                        .add(running("web.1#1", "web", 1, "manager-1", "backend=10.0.1.3"))
                        .add(running("web.2#1", "web", 2, "worker-1", "backend=10.0.1.4"))
                        .add(running("edge.1#1", "edge", 1, "manager-1")).add(running("edge.2#1", "edge", 2, "worker-1")),
                        Optional.empty()),
                new Case("two tasks reserving 0.6 CPU each on a 1-CPU node", Strategy.SWARM, l -> l.at("1s")
                        .add(running("web.1#1", "web", 1, "worker-1")).add(running("web.2#1", "web", 2, "worker-1")),
                        Optional.of(ReservedResources.NAME)),
                new Case("two tasks binding host port 8080 on one node", Strategy.SWARM, l -> l.at("1s")
                        .add(running("edge.1#1", "edge", 1, "worker-1")).add(running("edge.2#1", "edge", 2, "worker-1")),
                        Optional.of(HostPorts.NAME)),
                new Case("a task really goes from running back to starting", Strategy.SWARM, l -> l.at("1s")
                        .add(running("web.1#1", "web", 1, "worker-1"))
                        .add(new TaskStateChanged("web.1#1", "worker-1", TaskState.STARTING, "starting", null)),
                        Optional.of(ForwardOnly.NAME)),
                new Case("the manager's record goes from running back to pending", Strategy.SWARM, l -> l.at("1s")
                        .add(running("web.1#1", "web", 1, "worker-1"))
                        .add(new TaskObserved("web.1#1", TaskState.RUNNING, "started"),
                                new TaskObserved("web.1#1", TaskState.PENDING, "pending")),
                        Optional.of(ForwardOnly.NAME)),
                new Case("a pod's container restarts in place (kubernetes)", Strategy.KUBERNETES, l -> l.at("1s")
                        .add(running("web-a", "web", 1, "worker-1"))
                        .add(new TaskStateChanged("web-a", "worker-1", TaskState.FAILED, "exited", "exit 137"),
                                new TaskStateChanged("web-a", "worker-1", TaskState.STARTING, "starting", null))
                        .add(running("web-b", "web", 2, "manager-1")),
                        Optional.empty()),
                new Case("a task still runs on its node a moment after the crash", Strategy.SWARM, l -> l.at("1s")
                        .add(running("web.1#1", "web", 1, "worker-1")).at("10s").add(new NodeCrashed("worker-1"))
                        .at("11s").add(new NodeStatusChanged("manager-1", NodeStatus.READY, "heartbeat received")),
                        Optional.of(CrashedNodeIdle.NAME)),
                new Case("an address given while its holder still runs", Strategy.SWARM, l -> l.at("1s")
                        .add(running("web.1#1", "web", 1, "manager-1", "backend=10.0.1.3"))
                        .add(running("web.2#1", "web", 2, "worker-1"))
                        .add(new TaskAddressed("web.2#1", "backend", "10.0.1.3")),
                        Optional.of(UniqueAddresses.NAME)),
                new Case("an address given again once its holder is gone", Strategy.SWARM, l -> l.at("1s")
                        .add(running("web.1#1", "web", 1, "manager-1", "backend=10.0.1.3"))
                        .add(running("web.2#1", "web", 2, "worker-1", "backend=10.0.1.4"))
                        .at("2s").add(new TaskDesired("web.1#1", TaskState.SHUTDOWN, "task failed"),
                                new TaskStateChanged("web.1#1", "manager-1", TaskState.FAILED, "exited", "exit 1"))
                        .add(running("web.1#2", "web", 1, "manager-1", "backend=10.0.1.3"))
                        .add(running("edge.1#1", "edge", 1, "manager-1")).add(running("edge.2#1", "edge", 2, "worker-1")),
                        Optional.empty()),
                new Case("a task stops, wanted running, and nothing follows", Strategy.SWARM, l -> l.at("1s")
                        .add(running("web.1#1", "web", 1, "manager-1")).add(running("web.2#1", "web", 2, "worker-1"))
                        .add(running("edge.1#1", "edge", 1, "manager-1")).add(running("edge.2#1", "edge", 2, "worker-1"))
                        .at("5s").add(new TaskStateChanged("web.2#1", "worker-1", TaskState.FAILED, "exited", "exit 1")),
                        Optional.of(NoTaskLost.NAME)),
                new Case("a service stays short of its count with room and a leader", Strategy.SWARM, l -> l.at("1s")
                        .add(running("web.1#1", "web", 1, "manager-1"))
                        .add(running("edge.1#1", "edge", 1, "manager-1")).add(running("edge.2#1", "edge", 2, "worker-1")),
                        Optional.of(Convergence.NAME)),
                new Case("no leader: a service short of its count is excused", Strategy.SWARM, l -> l.at("1s")
                        .add(running("web.1#1", "web", 1, "manager-1"))
                        .add(new LeaderChanged("quorum_lost", "", 0, 1, "no majority"))
                        .add(running("edge.1#1", "edge", 1, "manager-1")).add(running("edge.2#1", "edge", 2, "worker-1")),
                        Optional.empty()),
                new Case("two pods of one statefulset ordinal run at once", Strategy.KUBERNETES, l -> whole(l.at("1s"))
                        .add(ordinal("db-0", 0, "worker-1")).add(ordinal("db-0#2", 0, "manager-1"))
                        .at("2s").add(new NodeStatusChanged("manager-1", NodeStatus.READY, "heartbeat received")),
                        Optional.of(OneOrdinalAtATime.NAME)),
                new Case("an ordinal's task replaced within one instant (swarm)", Strategy.SWARM, l -> whole(l.at("1s"))
                        .add(ordinal("db-0.1#1", 0, "worker-1")).at("5s").add(ordinal("db-0.1#2", 0, "manager-1"))
                        .add(new TaskDesired("db-0.1#1", TaskState.SHUTDOWN, "replaced"),
                                new TaskStateChanged("db-0.1#1", "worker-1", TaskState.SHUTDOWN, "shutdown", null))
                        .at("6s").add(new NodeStatusChanged("manager-1", NodeStatus.READY, "heartbeat received")),
                        Optional.empty()),
                new Case("a network volume attached to a second node before it is detached", Strategy.KUBERNETES,
                        l -> whole(l.at("1s")).add(new VolumeAttached("data-db-0", null, "worker-1"))
                                .at("2s").add(new VolumeAttached("data-db-0", null, "manager-1")),
                        Optional.of(SingleWriterVolumes.NAME)),
                new Case("a network volume detached from a node, then attached to another", Strategy.KUBERNETES,
                        l -> whole(l.at("1s")).add(new VolumeAttached("data-db-0", null, "worker-1"))
                                .at("2s").add(new VolumeDetached("data-db-0", null, "worker-1"))
                                .add(new VolumeAttached("data-db-0", null, "manager-1")),
                        Optional.empty()),
                new Case("local volumes of one name on two nodes, each attached where it is", Strategy.SWARM,
                        l -> whole(l.at("1s")).add(new VolumeAttached("cache", "worker-1", "worker-1"))
                                .add(new VolumeAttached("cache", "manager-1", "manager-1")),
                        Optional.empty()))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFirstInvariantToBreak(Case c) {
        HandLog log = start();
        c.log().accept(log);
        Scenario scenario = CLUSTER.with(c.strategy(), 1);
        ChaosContext context = ChaosContext.of(scenario, c.strategy());
        Optional<Violation> v = InvariantChecker.check(context, Invariants.all(context), log.log().events(), scenario.until());
        assertEquals(c.broken(), v.map(Violation::invariant), v.map(Violation::describe).orElse("nothing broke"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.flotilla.scenarios.chaos.InvariantsTest#names")
    void everyInvariantHasACaseThatBreaksIt(String name) {
        assertEquals(true, cases().map(a -> (Case) a.get()[0]).anyMatch(c -> c.broken().equals(Optional.of(name))), name);
    }

    static List<String> names() {
        return Invariants.NAMES;
    }
}
