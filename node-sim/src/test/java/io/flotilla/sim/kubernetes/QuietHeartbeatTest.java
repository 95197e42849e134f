package io.flotilla.sim.kubernetes;

import static io.flotilla.sim.kubernetes.FakeWorld.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.sim.control.ControlPlaneInputs;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.TaskUnplaced;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A kubelet's status post that only renews its lease is answered by {@link ControlPlane#quietHeartbeat}
 * without the full input: with that path offered every post, a cluster whose nodes crash, come
 * back, are cut off, and whose pods wait for room gives the same log, assignments and answers at
 * the same times as with every post handled in full.
 */
class QuietHeartbeatTest {

    @Test
    void theQuietPathChangesNothingThatHappens() {
        FakeWorld full = busyWorld(false);
        FakeWorld quiet = busyWorld(true);

        assertEquals(full.log.size(), quiet.log.size());
        assertEquals(full.log, quiet.log);
        assertEquals(full.sent, quiet.sent);
        long acks = quiet.sent.stream().filter(line -> line.contains(" ack ")).count();
        assertTrue(quiet.quietBeats > acks / 2, "quiet heartbeats: " + quiet.quietBeats + " of " + acks);
        assertTrue(quiet.quietBeats < acks, "some went the full way: " + quiet.quietBeats + " of " + acks);
        assertTrue(quiet.all(NodeStatusChanged.class).stream().anyMatch(e -> e.status() == NodeStatus.UNKNOWN),
                "some node went Unknown");
        assertTrue(!quiet.all(TaskUnplaced.class).isEmpty(), "some pod waited for room");
    }

    /**
     * A status post while a pod waits for room is handled in full: the scheduler's pass it ends
     * with may take the pod, or arm its wake timer again.
     */
    @Test
    void aStatusPostIsNotQuietWhileAPodWaitsForTheScheduler() {
        FakeWorld w = busyWorld(true);
        FakeWorld.Kubelet k = w.kubelet("node-1");
        assertTrue(w.plane.quietHeartbeat(k.host, "node-1", k.reportsSent, k.assignmentsSeen) > 0, "quiet when settled");

        FakeWorld waiting = new FakeWorld(KubernetesSettings.DEFAULT, 2);
        waiting.at(0, () -> waiting.plane.deploy(FakeWorld.service("batch", 250, "busybox:1.36"), KubernetesPodSpec.NONE));
        waiting.runUntil(30 * S);
        FakeWorld.Kubelet one = waiting.kubelet("node-1");
        assertEquals(ControlPlaneInputs.NOT_QUIET,
                waiting.plane.quietHeartbeat(one.host, "node-1", one.reportsSent, one.assignmentsSeen));
        assertEquals(ControlPlaneInputs.NOT_QUIET, waiting.plane.quietHeartbeat(one.host, "node-1", one.reportsSent + 1,
                one.assignmentsSeen), "statuses to resend");
    }

    /**
     * A status post that the full path answers otherwise, or that changes the node, is not quiet:
     * statuses to resend, assignments missed, a node not Ready, an unknown node.
     */
    @Test
    void aStatusPostThatDoesMoreIsNotQuiet() {
        FakeWorld w = busyWorld(true);
        FakeWorld.Kubelet k = w.kubelet("node-4");
        assertEquals(ControlPlaneInputs.NOT_QUIET, w.plane.quietHeartbeat(k.host, "node-4", k.reportsSent + 1,
                k.assignmentsSeen));
        assertEquals(ControlPlaneInputs.NOT_QUIET, w.plane.quietHeartbeat(k.host, "node-4", k.reportsSent,
                k.assignmentsSeen - 1));
        assertEquals(ControlPlaneInputs.NOT_QUIET, w.plane.quietHeartbeat(8, "node-9", 0, -1));
        w.plane.store.nodes.get("node-4").ready = NodeState.Ready.UNKNOWN;
        assertEquals(ControlPlaneInputs.NOT_QUIET, w.plane.quietHeartbeat(k.host, "node-4", k.reportsSent, k.assignmentsSeen));
        assertEquals(List.of(), w.all(NodeStatusChanged.class).stream().filter(e -> e.node().equals("node-9")).toList());
    }

    /**
     * The control plane keeps the Node it found at each host index: a status post from that host
     * after its Node was deleted, or deleted and made again under the same name, is not answered
     * from the Node that is gone.
     */
    @Test
    void aStatusPostAfterItsNodeWasDeletedOrMadeAgainIsNotAnsweredFromTheOldNode() {
        FakeWorld deleted = busyWorld(true);
        FakeWorld.Kubelet k = deleted.kubelet("node-4");
        assertTrue(deleted.plane.quietHeartbeat(k.host, "node-4", k.reportsSent, k.assignmentsSeen) > 0, "quiet first");
        deleted.plane.removeNode("node-4");
        assertEquals(ControlPlaneInputs.NOT_QUIET, deleted.plane.quietHeartbeat(k.host, "node-4", k.reportsSent,
                k.assignmentsSeen), "deleted");

        FakeWorld replaced = busyWorld(true);
        FakeWorld.Kubelet r = replaced.kubelet("node-4");
        assertTrue(replaced.plane.quietHeartbeat(r.host, "node-4", r.reportsSent, r.assignmentsSeen) > 0, "quiet first");
        replaced.plane.removeNode("node-4");
        replaced.plane.addNode(FakeWorld.node("node-4", "zone", "b"), Availability.ACTIVE);
        assertEquals(ControlPlaneInputs.NOT_QUIET, replaced.plane.quietHeartbeat(r.host, "node-4", r.reportsSent,
                r.assignmentsSeen), "made again, and not posted yet");
    }

    /**
     * Four nodes: one crashes and reboots, one is cut off for a while, and a workload larger than
     * the cluster's 440 pods keeps the scheduler's back-off going until it is scaled down.
     */
    private static FakeWorld busyWorld(boolean quiet) {
        FakeWorld w = new FakeWorld(KubernetesSettings.DEFAULT, 4, 2 * S, 5 * S, 7 * S);
        w.quiet = quiet;
        w.at(0, () -> w.plane.deploy(FakeWorld.service("web", 6, "nginx:1.27"), KubernetesPodSpec.NONE));
        w.at(30 * S, () -> w.kubelet("node-2").crash());
        w.at(100 * S, () -> w.kubelet("node-3").reachable = false);
        w.at(200 * S, () -> w.kubelet("node-3").reachable = true);
        w.at(502 * S, () -> {
            FakeWorld.Kubelet k = w.kubelet("node-2");
            k.up = true;
            w.plane.register("node-2", true, List.of(), k.reportsSent);
            k.postStatus();
        });
        w.at(600 * S, () -> w.plane.deploy(FakeWorld.service("batch", 450, "busybox:1.36"), KubernetesPodSpec.NONE));
        w.at(700 * S, () -> w.plane.scale("batch", 100));
        w.runUntil(1200 * S);
        return w;
    }
}
