package io.flotilla.sim.swarm;

import static io.flotilla.sim.swarm.VirtualClock.HOUR;
import static io.flotilla.sim.swarm.VirtualClock.MS;
import static io.flotilla.sim.swarm.VirtualClock.S;
import static io.flotilla.sim.swarm.VirtualClock.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.control.ControlPlaneInputs;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.TaskObserved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dispatcher alone, at exact virtual times: when a node is marked down, what a leader change
 * does, how heartbeats are answered, and when a down node's tasks are orphaned. What it tells the
 * other parts ({@link NodeEvents}) and the nodes ({@link NodeChannel}) is written down in order.
 */
class DispatcherTest {

    /** 5s periods without jitter, down after 3 missed: every time below is exact. */
    static final SwarmSettings EXACT = new SwarmSettings(5 * S, 0, 3);

    record Ack(long time, String node, long period, boolean resendReports) {}

    /** The dispatcher with a clock, a store, and nodes that heartbeat when told to. */
    static final class Rig {
        final VirtualClock clock = new VirtualClock();
        final ClusterStore store = new ClusterStore();
        final TaskLifecycle tasks = new TaskLifecycle(store, clock, new Allocator(List.of()), t -> { }, new ReconcileQueue() {
            @Override
            public void add(String service) {}

            @Override
            public void addAll() {}
        });
        /** What the other parts heard, one line each: {@code "15.000 lost node-1 (node down)"}. */
        final List<String> heard = new ArrayList<>();
        final List<Ack> acks = new ArrayList<>();
        private final Map<String, Ack> lastAcks = new HashMap<>();
        /** Each node's index on the wire, in the order they first appear. */
        private final Map<String, Integer> hosts = new HashMap<>();
        final Dispatcher dispatcher;
        /** Whether heartbeats and sweeps are offered to the quiet paths first, as the manager does. */
        boolean quiet;
        int quietBeats;
        int quietSweeps;

        Rig(SwarmSettings settings, long seed, String... nodes) {
            NodeEvents events = new NodeEvents() {
                @Override
                public void nodeReady(String node) {
                    heard.add(time(clock.now()) + " ready " + node);
                }

                @Override
                public void nodeLost(String node, String reason) {
                    heard.add(time(clock.now()) + " lost " + node + " (" + reason + ")");
                }

                @Override
                public void tasksOrphaned(String node) {
                    heard.add(time(clock.now()) + " orphaned " + node);
                }
            };
            NodeChannel channel = new NodeChannel() {
                @Override
                public void ack(String node, long nextPeriodNanos, boolean resendReports) {
                    Ack ack = new Ack(clock.now(), node, nextPeriodNanos, resendReports);
                    acks.add(ack);
                    lastAcks.put(node, ack);
                }

                @Override
                public void resendAssignments(String node) {
                    heard.add(time(clock.now()) + " full resync " + node);
                }
            };
            dispatcher = new Dispatcher(store, settings, new SplittableRandom(seed), clock, clock, channel, events, tasks);
            clock.onTimer(timer -> {
                if (timer instanceof ControlTimer.HeartbeatSweep) {
                    int news = heard.size() + clock.log.size();
                    if (quiet && dispatcher.quietSweep()) {
                        quietSweeps++;
                        assertEquals(news, heard.size() + clock.log.size(), "a quiet sweep has no news");
                    } else {
                        dispatcher.sweep();
                    }
                } else if (timer instanceof ControlTimer.NodeDownExpired d) {
                    dispatcher.nodeDownExpired(d.node());
                }
            });
            for (String node : nodes) {
                store.addNode(new NodeRecord(Specs.node(node), Availability.ACTIVE));
                dispatcher.expectFirstHeartbeat(node);
            }
        }

        /** The node heartbeats at {@code from}, then again after each period it is given, up to {@code until}. */
        void beats(String node, long from, long until) {
            clock.at(from, () -> beat(node, until));
        }

        private void beat(String node, long until) {
            NodeRecord record = store.nodes.get(node);
            int news = heard.size() + clock.log.size() + acks.size();
            long period = quiet
                    ? dispatcher.quietHeartbeat(hosts.computeIfAbsent(node, n -> hosts.size()), node,
                            record.reportsReceived, record.assignmentsVersion)
                    : ControlPlaneInputs.NOT_QUIET;
            assertEquals(news, heard.size() + clock.log.size() + acks.size(), "a quiet heartbeat has no news");
            if (period == ControlPlaneInputs.NOT_QUIET) {
                dispatcher.heartbeat(node, record.reportsReceived, record.assignmentsVersion);
            } else {
                quietBeats++;
                Ack ack = new Ack(clock.now(), node, period, false); // what the manager hands the node
                acks.add(ack);
                lastAcks.put(node, ack);
            }
            long next = clock.now() + lastAck(node).period();
            if (next <= until) {
                clock.at(next, () -> beat(node, until));
            }
        }

        Ack lastAck(String node) {
            return lastAcks.get(node);
        }

        List<String> statuses() {
            return clock.trace(NodeStatusChanged.class);
        }
    }

    // ---- marked down ---------------------------------------------------------------------

    record DownCase(String name, SwarmSettings settings, long beatsUntil, List<String> statuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<DownCase> downCases() {
        return Stream.of(
                new DownCase("a node that never heartbeats is down one grace period after it joined", EXACT, -1,
                        List.of("15.000 node-1 down (heartbeat failure)")),
                new DownCase("heartbeats at 1s, 6s, 11s, 16s: down period x 3 after the last", EXACT, 20 * S,
                        List.of("1.000 node-1 ready (heartbeat received)", "31.000 node-1 down (heartbeat failure)")),
                new DownCase("missed_heartbeats 2: down two periods after the last", new SwarmSettings(5 * S, 0, 2), 20 * S,
                        List.of("1.000 node-1 ready (heartbeat received)", "26.000 node-1 down (heartbeat failure)")),
                new DownCase("a 1s period (swarmkit's TestHeartbeatTimeout uses 100ms)", new SwarmSettings(S, 0, 3), 3 * S,
                        List.of("1.000 node-1 ready (heartbeat received)", "6.000 node-1 down (heartbeat failure)")));
    }

    /** Swarmkit's TestHeartbeatTimeout, at exact times and for several settings. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("downCases")
    void aSilentNodeIsMarkedDownAfterThePeriodTimesTheMissedHeartbeats(DownCase c) {
        Rig rig = new Rig(c.settings(), 1, "node-1");
        if (c.beatsUntil() >= 0) {
            rig.beats("node-1", S, c.beatsUntil());
        }
        rig.clock.runUntil(HOUR);

        assertEquals(c.statuses(), rig.statuses());
        String downAt = c.statuses().get(c.statuses().size() - 1).split(" ")[0];
        assertTrue(rig.heard.contains(downAt + " lost node-1 (node down)"), "heard: " + rig.heard);
        assertEquals(NodeStatus.DOWN, rig.store.nodes.get("node-1").status());
    }

    /**
     * Swarmkit's TestPeriodChooser and TestHeartbeatTimeout with the default epsilon: each period
     * is drawn within 5s ± 500ms at millisecond resolution, and a node that stops is down exactly
     * three of its last period after its last heartbeat.
     */
    @Test
    void periodsAreDrawnWithinEpsilonAndTheDeadlineFollowsTheLastPeriodGiven() {
        Set<Long> drawn = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) {
            Rig rig = new Rig(SwarmSettings.DEFAULT, seed, "node-1");
            rig.beats("node-1", S, 60 * S);
            rig.clock.runUntil(HOUR);

            for (Ack ack : rig.acks) {
                assertTrue(ack.period() >= 4_500 * MS && ack.period() <= 5_500 * MS, "period " + ack.period());
                assertEquals(0, ack.period() % MS, "whole milliseconds");
                drawn.add(ack.period());
            }
            Ack last = rig.lastAck("node-1");
            assertEquals(List.of(
                    time(S) + " node-1 ready (heartbeat received)",
                    time(last.time() + 3 * last.period()) + " node-1 down (heartbeat failure)"), rig.statuses());
        }
        assertTrue(drawn.size() > 10, "periods drawn: " + drawn);
    }

    // ---- heartbeat answers -----------------------------------------------------------------

    record AckCase(String name, long reportsReceived, long reportsSent, long assignmentsVersion, long assignmentsSeen,
            boolean resendReports, boolean fullResync) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<AckCase> ackCases() {
        return Stream.of(
                new AckCase("in step: the next period only", 4, 4, 2, 2, false, false),
                new AckCase("a report was lost: the node is asked for all of them", 4, 5, 2, 2, true, false),
                new AckCase("an assignment was lost: the node gets all of them", 4, 4, 3, 2, false, true),
                new AckCase("both lost", 4, 5, 3, 2, true, true),
                new AckCase("a registration does not compare assignments", 4, 4, 3, -1, false, false));
    }

    /** Swarmkit's TestHeartbeat: the answer carries a period and the node is READY. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ackCases")
    void aHeartbeatIsAnsweredWithTheNextPeriodAndResyncsWhatWasLost(AckCase c) {
        Rig rig = new Rig(EXACT, 1, "node-1");
        NodeRecord record = rig.store.nodes.get("node-1");
        record.reportsReceived = c.reportsReceived();
        record.assignmentsVersion = c.assignmentsVersion();
        rig.clock.at(2 * S, () -> rig.dispatcher.heartbeat("node-1", c.reportsSent(), c.assignmentsSeen()));
        rig.clock.runUntil(3 * S);

        assertEquals(List.of(new Ack(2 * S, "node-1", 5 * S, c.resendReports())), rig.acks);
        List<String> expected = new ArrayList<>(List.of("2.000 ready node-1"));
        if (c.fullResync()) {
            expected.add("2.000 full resync node-1");
        }
        assertEquals(expected, rig.heard);
        assertEquals(List.of("2.000 node-1 ready (heartbeat received)"), rig.statuses());
    }

    /** Swarmkit's TestHeartbeatUnregistered: a node the manager does not know gets no answer. */
    @Test
    void aHeartbeatFromARemovedNodeIsIgnored() {
        Rig rig = new Rig(EXACT, 1, "node-1");
        rig.store.removeNode("node-1");
        rig.clock.at(2 * S, () -> rig.dispatcher.heartbeat("node-1", 0, 0));
        rig.clock.runUntil(HOUR);

        assertEquals(List.of(), rig.acks);
        assertEquals(List.of(), rig.heard);
        assertEquals(List.of(), rig.statuses());
    }

    /**
     * A node added again, after it was removed or in its place, is a new record with its own
     * deadline: the old record's check, still queued, marks nothing down.
     */
    @ParameterizedTest(name = "removed first: {0}")
    @ValueSource(booleans = {true, false})
    void aNodeAddedAgainIsDownOnItsOwnDeadlineNotTheOldRecords(boolean removedFirst) {
        Rig rig = new Rig(EXACT, 1, "node-1");
        if (removedFirst) {
            rig.clock.at(10 * S, () -> rig.store.removeNode("node-1"));
        }
        rig.clock.at(12 * S, () -> {
            rig.store.addNode(new NodeRecord(Specs.node("node-1"), Availability.ACTIVE));
            rig.dispatcher.expectFirstHeartbeat("node-1");
        });
        rig.clock.runUntil(HOUR);

        assertEquals(List.of("27.000 node-1 down (heartbeat failure)"), rig.statuses());
        assertEquals(List.of("27.000 lost node-1 (node down)"), rig.heard);
    }

    @Test
    void aNodeBackFromDownIsReadyGetsAllItsAssignmentsAndIsNoLongerDueToBeOrphaned() {
        Rig rig = new Rig(EXACT, 1, "node-1");
        rig.beats("node-1", 40 * S, 40 * S);
        rig.clock.runUntil(20 * S);
        assertTrue(rig.clock.armedAt(new ControlTimer.NodeDownExpired("node-1")).isPresent());
        rig.clock.runUntil(30 * HOUR);

        assertEquals(List.of(
                "15.000 node-1 down (heartbeat failure)",
                "40.000 node-1 ready (heartbeat received)",
                "55.000 node-1 down (heartbeat failure)"), rig.statuses());
        assertEquals(List.of(
                "15.000 lost node-1 (node down)",
                "40.000 ready node-1",
                "40.000 full resync node-1",
                "55.000 lost node-1 (node down)",
                time(55 * S + 24 * HOUR) + " orphaned node-1"), rig.heard);
    }

    // ---- quiet paths -------------------------------------------------------------------------

    /**
     * The manager answers a heartbeat that only moves a deadline, and runs a sweep that finds no
     * node down, without a message: with those paths taken wherever they may be, nodes that stop,
     * come back, outlive a leader change, or are replaced by a new record of their name while they
     * heartbeat give the same statuses, news and answers at the same times as with every heartbeat
     * and sweep handled in full.
     */
    @Test
    void theQuietPathsChangeNothingThatHappens() {
        for (long seed = 1; seed <= 5; seed++) {
            Rig full = busyRig(seed, false);
            Rig quiet = busyRig(seed, true);

            assertEquals(full.clock.log, quiet.clock.log);
            assertEquals(full.heard, quiet.heard);
            assertEquals(full.acks, quiet.acks);
            assertTrue(quiet.quietBeats > quiet.acks.size() / 2, "quiet heartbeats: " + quiet.quietBeats);
            assertTrue(quiet.quietSweeps > 0 && quiet.quietSweeps < quiet.clock.log.size() * 100, "quiet sweeps");
            assertTrue(quiet.statuses().stream().anyMatch(line -> line.contains(" down ")), "some node went down");
        }
    }

    /**
     * Nodes that heartbeat all along keep one sweep timer armed, and each sweep arms the next one
     * once: no start replaces a sweep timer still armed, which would leave a cancelled timer in
     * the clock's queue for a grace period, one per sweep.
     */
    @Test
    void eachSweepArmsTheNextOnceWithoutReplacingATimer() {
        long minute = 60 * S;
        Rig rig = new Rig(SwarmSettings.DEFAULT, 1, "node-1", "node-2", "node-3", "node-4");
        rig.quiet = true;
        for (int n = 1; n <= 4; n++) {
            rig.beats("node-" + n, n * 100 * MS, HOUR);
        }
        rig.clock.runUntil(minute); // a first heartbeat may bring a deadline forward
        int replacedInTheFirstMinute = rig.clock.replaced;
        rig.clock.runUntil(HOUR);

        assertTrue(rig.quietSweeps > 500, "sweeps: " + rig.quietSweeps);
        assertEquals(replacedInTheFirstMinute, rig.clock.replaced);
        assertEquals(List.of("0.100 node-1 ready (heartbeat received)", "0.200 node-2 ready (heartbeat received)",
                "0.300 node-3 ready (heartbeat received)", "0.400 node-4 ready (heartbeat received)"), rig.statuses());
    }

    private static Rig busyRig(long seed, boolean quiet) {
        Rig rig = new Rig(SwarmSettings.DEFAULT, seed, "node-1", "node-2", "node-3", "node-4");
        rig.quiet = quiet;
        rig.beats("node-1", S, 10 * 60 * S);
        rig.beats("node-2", 2 * S, 40 * S);
        rig.beats("node-2", 100 * S, 10 * 60 * S);
        rig.beats("node-3", 3 * S, 200 * S);
        rig.clock.at(100 * S + 500 * MS, () -> {
            rig.store.addNode(new NodeRecord(Specs.node("node-3"), Availability.ACTIVE));
            rig.dispatcher.expectFirstHeartbeat("node-3");
        });
        rig.clock.at(150 * S, rig.dispatcher::leaderElected);
        rig.clock.at(300 * S, rig.dispatcher::leaderElected);
        rig.clock.runUntil(HOUR);
        return rig;
    }

    // ---- leader change -----------------------------------------------------------------------

    /**
     * Swarmkit's {@code markNodesUnknown}: after a leader change every node that is not down is
     * unknown, with six periods of grace; one that heartbeats is ready again with the usual grace.
     */
    @Test
    void afterALeaderChangeNodesAreUnknownAndDownOnlyAfterTwiceTheGrace() {
        Rig rig = new Rig(EXACT, 1, "node-1", "node-2", "node-3");
        rig.beats("node-1", S, 100 * S);
        rig.beats("node-2", S, 18 * S);
        rig.beats("node-3", S, S);
        rig.clock.at(20 * S, rig.dispatcher::leaderElected);
        rig.clock.runUntil(60 * S);

        assertEquals(List.of(
                "1.000 node-1 ready (heartbeat received)",
                "1.000 node-2 ready (heartbeat received)",
                "1.000 node-3 ready (heartbeat received)",
                "16.000 node-3 down (heartbeat failure)",
                "20.000 node-1 unknown (" + Dispatcher.LEADERSHIP_CHANGE + ")",
                "20.000 node-2 unknown (" + Dispatcher.LEADERSHIP_CHANGE + ")",
                "21.000 node-1 ready (heartbeat received)",
                "50.000 node-2 down (" + Dispatcher.UNKNOWN_HEARTBEAT_FAILURE + ")"), rig.statuses());
    }

    /** Swarmkit's {@code AddUnknown} draws the period too: an unknown node is down 27s to 33s after the election. */
    @Test
    void theUnknownGraceIsDrawnPerNode() {
        Set<Long> downAfter = new HashSet<>();
        for (long seed = 1; seed <= 10; seed++) {
            Rig rig = new Rig(SwarmSettings.DEFAULT, seed, "node-1");
            rig.clock.at(10 * S, rig.dispatcher::leaderElected);
            rig.clock.runUntil(HOUR);

            VirtualClock.Logged down = rig.clock.log.get(0);
            assertEquals(new NodeStatusChanged("node-1", NodeStatus.DOWN, Dispatcher.UNKNOWN_HEARTBEAT_FAILURE), down.event());
            long after = down.time() - 10 * S;
            assertTrue(after >= 27 * S && after <= 33 * S && after % (6 * MS) == 0, "down after " + after);
            downAfter.add(after);
        }
        assertTrue(downAfter.size() > 5, "grace drawn: " + downAfter);
    }

    // ---- orphaned ------------------------------------------------------------------------------

    /**
     * Swarmkit's TestOrphanNodeTasks ({@code controlapi}) and the dispatcher's
     * {@code moveTasksToOrphaned}: a day after a node was marked down, its tasks that could have
     * made progress (assigned to running) are orphaned; ended and unassigned tasks are left alone,
     * and so are other nodes' tasks.
     */
    @Test
    void aDayAfterANodeWentDownItsAssignedToRunningTasksAreOrphaned() {
        Rig rig = new Rig(EXACT, 1, "node-1", "node-2");
        rig.beats("node-2", S, 25 * HOUR);
        ServiceRecord web = Specs.addService(rig.store, Specs.replicated("web", 9, "nginx"));
        List<TaskState> states = List.of(TaskState.PENDING, TaskState.ASSIGNED, TaskState.ACCEPTED, TaskState.PREPARING,
                TaskState.READY, TaskState.STARTING, TaskState.RUNNING, TaskState.COMPLETE, TaskState.FAILED);
        List<Task> onNode1 = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            onNode1.add(Specs.addTask(rig.store, web, i + 1, "node-1", states.get(i)));
        }
        Task onNode2 = Specs.addTask(rig.store, web, 10, "node-2", TaskState.RUNNING);

        long expiry = 15 * S + 24 * HOUR;
        rig.clock.runUntil(expiry - 1);
        assertEquals(List.of(), rig.clock.trace(TaskObserved.class));
        rig.clock.runUntil(expiry + S);

        String at = time(expiry);
        assertEquals(List.of(
                at + " " + onNode1.get(1).id() + " orphaned",
                at + " " + onNode1.get(2).id() + " orphaned",
                at + " " + onNode1.get(3).id() + " orphaned",
                at + " " + onNode1.get(4).id() + " orphaned",
                at + " " + onNode1.get(5).id() + " orphaned",
                at + " " + onNode1.get(6).id() + " orphaned"), rig.clock.trace(TaskObserved.class));
        assertEquals(TaskState.PENDING, rig.store.task(onNode1.get(0).id()).orElseThrow().state());
        assertEquals(TaskState.COMPLETE, rig.store.task(onNode1.get(7).id()).orElseThrow().state());
        assertEquals(TaskState.FAILED, rig.store.task(onNode1.get(8).id()).orElseThrow().state());
        assertEquals(TaskState.RUNNING, rig.store.task(onNode2.id()).orElseThrow().state());
        assertTrue(rig.heard.contains(at + " orphaned node-1"), "heard: " + rig.heard);
    }
}
