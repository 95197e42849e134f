package io.flotilla.scheduler.placement.swarm;

import static io.flotilla.scheduler.placement.swarm.Fixtures.GB;
import static io.flotilla.scheduler.placement.swarm.Fixtures.node;
import static io.flotilla.scheduler.placement.swarm.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ports of swarmkit's manager/scheduler/scheduler_test.go. Each store step is one pass; where
 * upstream accepts any of several tied nodes, the assertion names the node Flotilla's tie-break
 * picks (the first listed) and says what upstream accepts.
 */
class SchedulerTest {

    @Test
    @DisplayName("TestScheduler: spread over the lightest nodes, never onto a node that is not ready")
    void scheduler() {
        FakeStore s = new FakeStore()
                .nodes(node("id1"), node("id2"), node("id3"))
                .tasks(task("id1").on("id1").state(TaskState.ASSIGNED), task("id2"), task("id3"));
        s.place();
        // upstream: id2 and id3 in either order, since id1 already has a task
        assertEquals("id2", s.nodeOf("id2"));
        assertEquals("id3", s.nodeOf("id3"));

        s.remove("id1").tasks(task("id4"));
        s.place();
        assertEquals("id1", s.nodeOf("id4"), "id1 is now the most lightly loaded node");

        s.remove("id4").tasks(task("id4"));
        s.place();
        assertEquals("id1", s.nodeOf("id4"), "an unassigned task is placed again");

        s.nodes(node("id4")).tasks(task("id5"));
        s.place();
        assertEquals("id4", s.nodeOf("id5"), "a new ready node is used next");

        s.nodes(node("id5").status(NodeStatus.DOWN)).tasks(task("id6"));
        s.place();
        assertNotEquals("id5", s.nodeOf("id6"));
    }

    @Test
    @DisplayName("TestSchedulerNoReadyNodes: no nodes, then a ready one")
    void noReadyNodes() {
        FakeStore s = new FakeStore().tasks(task("id1"));
        PlacementResult r = s.place();
        assertEquals(List.of(new Unplaced("id1", "no suitable node")), r.unplaced());
        s.nodes(node("newnode"));
        s.place();
        assertEquals("newnode", s.nodeOf("id1"));
    }

    /** Upstream testHA's tasks: one group per service, or (no spec version) one group per task. */
    private static final class HaTasks {
        private final boolean oneGroup;
        private int version;

        HaTasks(boolean oneGroup) {
            this.oneGroup = oneGroup;
        }

        Fixtures.TaskBuilder of(String service, String id) {
            return task(id).service(service).version(oneGroup ? 1 : ++version);
        }
    }

    /** testHA: 18 tasks on 5 empty nodes, then a second service, then scale-ups. */
    private static void ha(boolean oneGroup) {
        HaTasks t = new HaTasks(oneGroup);
        FakeStore s = new FakeStore().nodes(node("id1"), node("id2"), node("id3"), node("id4"), node("id5"));
        for (int i = 0; i < 18; i++) {
            s.tasks(t.of("service1", "t1id" + i));
        }
        s.place();
        // upstream: any three nodes with 4 and two with 3
        assertEquals(Map.of("id1", 4, "id2", 4, "id3", 4, "id4", 3, "id5", 3), s.perNode("t1"));

        s.tasks(t.of("service2", "t2id0"), t.of("service2", "t2id1"));
        s.place();
        assertEquals(Map.of("id4", 1, "id5", 1), s.perNode("t2"), "the nodes with fewer tasks in total");

        s.tasks(t.of("service1", "t1id18"), t.of("service1", "t1id19"), t.of("service1", "t1id20"));
        s.place();
        Map<String, Integer> t1 = s.perNode("t1");
        assertEquals(List.of(4, 4, 4, 4, 5), t1.values().stream().sorted().toList());
        assertEquals(4, t1.get("id4"), "both nodes with service2 tasks get one");
        assertEquals(4, t1.get("id5"));
        assertEquals(5, t1.get("id1"), "upstream: any of the other three");

        s.tasks(t.of("service2", "t2id4"));
        s.place();
        String node = s.nodeOf("t2id4");
        assertTrue(!node.equals("id4") && !node.equals("id5") && !node.equals("id1"), node);

        List<String> onId1 = s.tasksOn("id1");
        onId1.forEach(s::remove);
        for (int i = 22; i <= 25; i++) {
            s.tasks(t.of("service1", "t1id" + i));
        }
        s.tasks(t.of("service2", "t2id5"), t.of("service2", "t2id6"));
        s.place();
        assertEquals(4, s.perNode("t1").get("id1"), "all new service1 tasks go to the emptied node");
        assertEquals(1, s.perNode("t2").get("id1"), "and one of the two service2 tasks");
    }

    @Test
    @DisplayName("TestHA useSpecVersion=true: 18 tasks on 5 empty nodes -> 4,4,4,3,3 as one group")
    void haAsOneGroup() {
        ha(true);
    }

    @Test
    @DisplayName("TestHA useSpecVersion=false: the same, one task at a time")
    void haOneByOne() {
        ha(false);
    }

    @Test
    @DisplayName("TestPreferences: spread over az with 1+4 nodes puts 4 on the lone node")
    void preferences() {
        FakeStore s = new FakeStore().nodes(
                node("id1").label("az", "az1"),
                node("id2").label("az", "az2"),
                node("id3").label("az", "az2"),
                node("id4").label("az", "az2"),
                node("id5").label("az", "az2"));
        for (int i = 0; i < 8; i++) {
            s.tasks(task("t1id" + i).spread("node.labels.az"));
        }
        s.place();
        assertEquals(Map.of("id1", 4, "id2", 1, "id3", 1, "id4", 1, "id5", 1), s.perNode("t1"));
    }

    @Test
    @DisplayName("TestMultiplePreferences: az then rack, with a node too small and one that fills up")
    void multiplePreferences() {
        FakeStore s = new FakeStore().nodes(
                node("id0").label("az", "az1").label("rack", "rack1").cpus(1).memory(GB / 10).generic("apple", 1),
                node("id1").label("az", "az1").label("rack", "rack1").cpus(1).memory(GB).generic("apple", 10),
                node("id2").label("az", "az2").label("rack", "rack1").cpus(1).memory(GB).generic("apple", 6),
                node("id3").label("az", "az2").label("rack", "rack1").cpus(1).memory(GB).generic("apple", 6),
                node("id4").label("az", "az2").label("rack", "rack1").cpus(1).memory(GB).generic("apple", 6),
                node("id5").label("az", "az2").label("rack", "rack2").cpus(1).memory(GB).generic("apple", 6),
                node("id6").label("az", "az2").label("rack", "rack2").cpus(1).memory(GB).generic("apple", 6));
        for (int i = 0; i < 12; i++) {
            s.tasks(task("t1id" + i).spread("node.labels.az").spread("node.labels.rack").memory(GB / 5).generic("apple", 2));
        }
        s.place();
        // upstream: id1 gets 5 (half of 12, less what does not fit); rack1 and rack2 of az2 share 7,
        // 4+3 either way; here rack1, the first label value, gets the odd task, on id2, its first node
        assertEquals(Map.of("id1", 5, "id2", 2, "id3", 1, "id4", 1, "id5", 2, "id6", 1), s.perNode("t1"));
    }

    @Test
    @DisplayName("TestMultiplePreferencesScaleUp: unbalanced running tasks, no endless loop")
    void multiplePreferencesScaleUp() {
        FakeStore s = new FakeStore().nodes(
                node("id11").label("az", "dc1").label("rack", "r1"),
                node("id12").label("az", "dc1").label("rack", "r2"),
                node("id21").label("az", "dc2").label("rack", "r1"));
        Map<String, Integer> running = Map.of("id11", 3, "id12", 1, "id21", 3);
        running.forEach((n, count) -> {
            for (int i = 0; i < count; i++) {
                s.tasks(task("t1running-" + n + "-" + i).spread("node.labels.az").spread("node.labels.rack").on(n));
            }
        });
        s.tasks(task("t1id0").spread("node.labels.az").spread("node.labels.rack"),
                task("t1id1").spread("node.labels.az").spread("node.labels.rack"));
        PlacementResult r = s.place();
        assertEquals(2, r.assignments().size());
        // upstream: both on id12 (balancing r1 and r2 of dc1) or both on id21 (balancing dc1 and dc2)
        assertEquals("id12", s.nodeOf("t1id0"));
        assertEquals("id12", s.nodeOf("t1id1"));
    }

    @Test
    @DisplayName("TestSchedulerFaultyNode: 5 recent failures put a node last")
    void faultyNode() {
        FakeStore s = new FakeStore().nodes(node("id1"), node("id2"))
                .tasks(task("id1").service("service1").version(0).on("id1"),
                        task("id2").service("service2").version(0).on("id1"));
        for (int i = 0; i < 8; i++) {
            s.tasks(task("r" + i).service("service1").version(0));
            s.tasks(task("p" + i).service("service2").version(0).preassigned("id1"));
            s.place();
            assertEquals(i < 5 ? "id2" : "id1", s.nodeOf("r" + i), "attempt " + i);
            assertEquals("id1", s.nodeOf("p" + i), "a preassigned task always goes to its node");
            s.fail("r" + i).setState("p" + i, TaskState.FAILED); // preassigned failures are not recorded
            s.advance(1_000_000_000L);
        }
    }

    @Test
    @DisplayName("TestSchedulerFaultyNodeSpecVersion: failures count per spec version")
    void faultyNodeSpecVersion() {
        FakeStore s = new FakeStore().nodes(node("id1"), node("id2")).tasks(task("id1").on("id1"));
        for (int i = 0; i < 15; i++) {
            s.tasks(task("t" + i).version(i > 5 ? 2 : 1));
            s.place();
            boolean toId2 = i < 5 || (i > 5 && i < 11);
            assertEquals(toId2 ? "id2" : "id1", s.nodeOf("t" + i), "attempt " + i);
            s.fail("t" + i);
        }
    }

    @Test
    @DisplayName("failures older than monitorFailures (5 min) no longer count")
    void failureWindow() {
        FakeStore s = new FakeStore().nodes(node("n1"), node("n2")).tasks(task("old").on("n2"));
        for (int i = 0; i < 5; i++) {
            s.tasks(task("f" + i).on("n1")).fail("f" + i);
        }
        s.advance(FailureHistory.MONITOR_NANOS).tasks(task("a"));
        s.place();
        assertEquals("n2", s.nodeOf("a"), "exactly 5 minutes old: n1 is still faulty");
        s.advance(1).tasks(task("b"));
        s.place();
        assertEquals("n1", s.nodeOf("b"), "a nanosecond later the failures have expired");
    }

    @Test
    @DisplayName("TestSchedulerResourceConstraint: the exact explanation, then a big node")
    void resourceConstraint() {
        FakeStore s = new FakeStore()
                .nodes(node("underprovisioned").cpus(1).memory(GB).generic("orange", 2).generic("apple", 1),
                        node("nonready1").status(NodeStatus.UNKNOWN).cpus(2).memory(2 * GB).generic("orange", 3).generic("apple", 2),
                        node("nonready2").status(NodeStatus.UNKNOWN).cpus(2).memory(2 * GB).generic("orange", 3).generic("apple", 2))
                .tasks(task("id1").memory(2 * GB).generic("orange", 2).generic("apple", 2));
        PlacementResult r = s.place();
        assertEquals(List.of(new Unplaced("id1",
                "no suitable node (2 nodes not available for new tasks; insufficient resources on 1 node)")), r.unplaced());
        s.nodes(node("bignode").cpus(4).memory(8 * GB).generic("orange", 4).generic("apple", 4));
        s.place();
        assertEquals("bignode", s.nodeOf("id1"));
    }

    @Test
    @DisplayName("TestSchedulerResourceConstraintHA: the lighter node only has room for one more")
    void resourceConstraintHA() {
        FakeStore s = new FakeStore()
                .nodes(node("id1").memory(GB).generic("apple", 2), node("id2").memory(100 * GB).generic("apple", 5));
        Fixtures.TaskBuilder[] running = {
            task("id1").memory(GB / 2).generic("apple", 1).on("id1"),
            task("id2").memory(GB / 2).generic("apple", 1).on("id2"),
            task("id3").memory(GB / 2).generic("apple", 1).on("id2"),
            task("id4").memory(GB / 2).generic("apple", 1).on("id2")
        };
        s.tasks(running).tasks(task("id5").memory(GB / 2).generic("apple", 1), task("id6").memory(GB / 2).generic("apple", 1));
        s.place();
        assertEquals("id1", s.nodeOf("id5"));
        assertEquals("id2", s.nodeOf("id6"));
    }

    @Test
    @DisplayName("TestSchedulerResourceConstraintDeadTask: a dead task gives its resources back")
    void resourceConstraintDeadTask() {
        FakeStore s = new FakeStore().nodes(node("id1").cpus(1).memory(GB).generic("apple", 4))
                .tasks(task("id1").memory(8 * GB / 10).generic("apple", 3));
        s.place();
        assertEquals("id1", s.nodeOf("id1"));
        s.tasks(task("id2").memory(8 * GB / 10).generic("apple", 3));
        assertEquals(List.of(new Unplaced("id2", "no suitable node (insufficient resources on 1 node)")), s.place().unplaced());
        s.setState("id1", TaskState.SHUTDOWN);
        s.place();
        assertEquals("id1", s.nodeOf("id2"));
    }

    @Test
    @DisplayName("TestSchedulerPreexistingDeadTask: a task past RUNNING holds nothing")
    void preexistingDeadTask() {
        FakeStore s = new FakeStore().nodes(node("id1").cpus(1).memory(GB).generic("apple", 1))
                .tasks(task("id1").memory(8 * GB / 10).generic("apple", 1).on("id1").state(TaskState.SHUTDOWN),
                        task("id2").memory(8 * GB / 10).generic("apple", 1));
        s.place();
        assertEquals("id1", s.nodeOf("id2"));
    }

    @Test
    @DisplayName("a running task desired SHUTDOWN stops counting at once but keeps its resources")
    void shuttingDownTaskKeepsResources() {
        FakeStore s = new FakeStore().nodes(node("n1").cpus(2), node("n2").cpus(2))
                .tasks(task("old").cpus(2).on("n1").desired(TaskState.SHUTDOWN), task("n2task").service("other").on("n2"))
                .tasks(task("free"));
        s.place();
        assertEquals("n1", s.nodeOf("free"), "n1 counts no active task, n2 counts one");
        s.tasks(task("needsCpu").cpus(1).version(2));
        s.place();
        assertEquals("n2", s.nodeOf("needsCpu"), "n1's CPUs are still reserved");
    }

    @Test
    @DisplayName("TestSchedulerCompatiblePlatform: x86_64 is amd64, an empty arch matches any")
    void compatiblePlatform() {
        FakeStore s = new FakeStore().nodes(
                node("node1").platform("linux", "x86_64"), node("node2").platform("windows", "amd64"), node("node3").noPlatform());
        s.tasks(task("id1").version(1).platform("linux", "amd64"));
        s.place();
        assertEquals("node1", s.nodeOf("id1"));

        s.tasks(task("id2").version(2).platform("linux", "arm"));
        assertEquals(List.of(new Unplaced("id2", "no suitable node (unsupported platform on 3 nodes)")), s.place().unplaced());

        s.tasks(task("id3").version(3));
        s.place();
        assertEquals("node2", s.nodeOf("id3"), "upstream: node2 or node3");

        s.tasks(task("id4").version(4).platform("linux", ""));
        s.place();
        assertEquals("node1", s.nodeOf("id4"));

        s.tasks(task("id5").version(5).platform("linux", "amd64").platform("windows", "x86_64"));
        s.place();
        assertEquals("node2", s.nodeOf("id5"), "upstream: node1 or node2");
    }

    @Test
    @DisplayName("TestPreassignedTasks: preassigned tasks are confirmed first and count")
    void preassignedTasks() {
        FakeStore s = new FakeStore().nodes(node("node1"), node("node2"))
                .tasks(task("task1"), task("task2").preassigned("node1"), task("task3").preassigned("node1"));
        PlacementResult r = s.place();
        assertEquals(List.of(
                        new Assignment("task2", "node1", "scheduler confirmed task can run on preassigned node"),
                        new Assignment("task3", "node1", "scheduler confirmed task can run on preassigned node"),
                        new Assignment("task1", "node2", "scheduler assigned task to node")),
                r.assignments());
    }

    @Test
    @DisplayName("a preassigned task that does not fit gets the bare explanation")
    void preassignedTaskThatDoesNotFit() {
        FakeStore s = new FakeStore().nodes(node("n1").cpus(1), node("n2").status(NodeStatus.DOWN))
                .tasks(task("big").cpus(2).preassigned("n1"), task("down").version(2).preassigned("n2"),
                        task("nowhere").version(3).preassigned("gone"));
        PlacementResult r = s.place();
        assertEquals(List.of(
                        new Unplaced("big", "insufficient resources on 1 node"),
                        new Unplaced("down", "1 node not available for new tasks")),
                r.unplaced());
        assertEquals(List.of(), r.assignments(), "a task preassigned to an unknown node is left alone");
    }

    @Test
    @DisplayName("TestIgnoreTasks: pending tasks desired SHUTDOWN or REMOVE are not placed")
    void ignoreTasks() {
        FakeStore s = new FakeStore().nodes(node("node1"))
                .tasks(task("task1"),
                        task("task2").preassigned("node1").desired(TaskState.SHUTDOWN),
                        task("task3").preassigned("node1").desired(TaskState.REMOVE));
        PlacementResult r = s.place();
        assertEquals(List.of(new Assignment("task1", "node1", "scheduler assigned task to node")), r.assignments());
        assertEquals(List.of("task2", "task3"), r.shutDown());
    }

    @Test
    @DisplayName("TestUnscheduleableTask: a stuck pending task is shut down once desired SHUTDOWN")
    void unscheduleableTask() {
        FakeStore s = new FakeStore().nodes(node("nodeid1"))
                .tasks(task("taskid1").version(0).maxReplicas(1), task("taskid2").version(0).maxReplicas(1));
        PlacementResult r = s.place();
        assertEquals("nodeid1", s.nodeOf("taskid1"));
        assertEquals(List.of(new Unplaced("taskid2", "no suitable node (max replicas per node limit exceed)")), r.unplaced());

        s.setState("taskid1", TaskState.RUNNING).setDesired("taskid2", TaskState.SHUTDOWN)
                .tasks(task("taskid1update").version(1).maxReplicas(1));
        r = s.place();
        assertEquals(List.of("taskid2"), r.shutDown());
        assertEquals(TaskState.SHUTDOWN, s.task("taskid2").state());
        assertNull(s.nodeOf("taskid1update"), "the old task still runs: start-first");
    }

    @Test
    @DisplayName("TestSchedulerHostPort: TCP/58 and UDP/58 are different ports")
    void hostPort() {
        FakeStore s = new FakeStore()
                .tasks(task("id1").version(1).hostPort("tcp", 58), task("id2").version(2).hostPort("udp", 58));
        PlacementResult r = s.place();
        assertEquals(List.of(new Unplaced("id1", "no suitable node"), new Unplaced("id2", "no suitable node")), r.unplaced());

        s.nodes(node("node1"), node("node2"));
        s.place();
        assertNotEquals(s.nodeOf("id1"), s.nodeOf("id2"));

        s.tasks(task("id3").version(3).hostPort("udp", 58).hostPort("tcp", 58));
        assertEquals(List.of(new Unplaced("id3", "no suitable node (host-mode port already in use on 2 nodes)")),
                s.place().unplaced());
    }

    @Test
    @DisplayName("ingress ports and host ports without a published port take nothing")
    void ingressPortsDoNotCollide() {
        FakeStore s = new FakeStore().nodes(node("n1"))
                .tasks(task("a").version(1).ingressPort(80).hostPort("tcp", 0), task("b").version(2).ingressPort(80).hostPort("tcp", 0));
        s.place();
        assertEquals(Map.of("n1", 2), s.perNode(""));
    }

    @Test
    @DisplayName("TestSchedulerMaxReplicas: one per node, then constraints that no node meets")
    void maxReplicas() {
        FakeStore s = new FakeStore().tasks(task("id1").version(1).maxReplicas(1), task("id2").version(2).maxReplicas(1));
        s.place();
        s.nodes(node("nodeid1"), node("nodeid2"));
        s.place();
        assertNotEquals(s.nodeOf("id1"), s.nodeOf("id2"));

        s.tasks(task("id3").version(3).maxReplicas(1));
        assertEquals(List.of(new Unplaced("id3", "no suitable node (max replicas per node limit exceed)")),
                s.place().unplaced());

        s.nodes(node("nodeid3"));
        for (String id : List.of("id4", "id5", "id6")) {
            s.tasks(task(id).version(4).constraint("node.hostname==node1").maxReplicas(3));
        }
        s.place();
        s.tasks(task("id7").version(4).constraint("node.hostname==node1").maxReplicas(3));
        PlacementResult r = s.place();
        assertEquals(new Unplaced("id7", "no suitable node (scheduling constraints not satisfied on 3 nodes)"),
                r.unplaced().get(r.unplaced().size() - 1));
    }

    @Test
    @DisplayName("TestSchedulerPluginConstraint: volume plugins must be on the node; bind and local mounts need none")
    void pluginConstraint() {
        FakeStore s = new FakeStore().nodes(node("node1").plugin("plugin1"));
        s.tasks(task("task1").version(1).volume("testVol1", "plugin1"));
        s.place();
        assertEquals("node1", s.nodeOf("task1"));

        s.tasks(task("task0").version(2).bind("/src"));
        s.place();
        assertEquals("node1", s.nodeOf("task0"), "the plugin filter is not enabled for a bind mount");

        s.tasks(task("task2").version(3).volume("testVol1", "plugin1").volume("testVol2", "plugin2"));
        assertEquals(List.of(new Unplaced("task2", "no suitable node (missing plugin on 1 node)")), s.place().unplaced());

        s.nodes(node("node2").plugin("plugin1").plugin("plugin2"));
        s.place();
        assertEquals("node2", s.nodeOf("task2"));
    }

    @Test
    @DisplayName("pluginExistsOnNode: a plugin installed as name:latest serves the name; local needs no plugin")
    void pluginNames() {
        FakeStore s = new FakeStore().nodes(node("node1"), node("node2").plugin("azurefile:latest"));
        s.tasks(task("t1").version(1).volume("files", "azurefile"));
        s.place();
        assertEquals("node2", s.nodeOf("t1"));

        s.tasks(task("t2").version(2).volume("cache", "local"));
        s.place();
        assertEquals("node1", s.nodeOf("t2"), "the local driver is built into every engine");

        s.tasks(task("t3").version(3).volume("files", "azurefile:1.2"));
        assertEquals(List.of(new Unplaced("t3", "no suitable node (missing plugin on 2 nodes)")), s.place().unplaced(),
                "only :latest is implied; another tag must be installed as written");
    }
}
