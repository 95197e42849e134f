package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.run.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl get pods} and {@code get nodes} at exact moments of {@link Runs#KUBERNETES}, as
 * kubectl prints them: AGE in apimachinery's words ("60s", "2m"), RESTARTS with the last restart's
 * age, CrashLoopBackOff, a node's NotReady and the pods the node lifecycle controller marked not
 * ready, Terminating pods on the dead node, and {@code -o wide}'s columns.
 */
class KubectlTablesTest {

    static RunResult run;

    @BeforeAll
    static void run() {
        run = Runs.run(Runs.KUBERNETES);
    }

    /** pay has crashed twice and been restarted in place; big fits nowhere. */
    @Test
    void podsAt20s() {
        assertEquals("""
                NAME                   READY   STATUS    RESTARTS      AGE
                big-db4c7778-b79wd     0/1     Pending   0             20s
                pay-696cc7596c-fwj4c   1/1     Running   2 (11s ago)   20s
                web-66ff4fb645-p5bjs   1/1     Running   0             20s
                web-66ff4fb645-q8rbq   1/1     Running   0             20s
                """, PodTable.render(Runs.at(run, "20s"), false));
    }

    /**
     * worker-1 died at 30s and is Unknown since 50s: its pods are not ready, and pay's last status
     * from its kubelet (CrashLoopBackOff) stands, as nothing can update it.
     */
    @Test
    void podsAfterTheNodeStoppedReporting() {
        assertEquals("""
                NAME                   READY   STATUS             RESTARTS      AGE
                big-db4c7778-b79wd     0/1     Pending            0             60s
                pay-696cc7596c-fwj4c   0/1     CrashLoopBackOff   2 (37s ago)   60s
                web-66ff4fb645-p5bjs   1/1     Running            0             60s
                web-66ff4fb645-q8rbq   0/1     Running            0             60s
                """, PodTable.render(Runs.at(run, "1m"), false));
    }

    /** Evicted at 1m20s: Terminating until the kubelet confirms, which it cannot; the replacements run on worker-2. */
    @Test
    void podsWideAfterTheEviction() {
        assertEquals("""
                NAME                   READY   STATUS             RESTARTS      AGE   IP       NODE       NOMINATED NODE   READINESS GATES
                big-db4c7778-b79wd     0/1     Pending            0             2m    <none>   <none>     <none>           <none>
                pay-696cc7596c-fwj4c   0/1     Terminating        2 (97s ago)   2m    <none>   worker-1   <none>           <none>
                pay-696cc7596c-qxxjs   0/1     CrashLoopBackOff   2 (17s ago)   40s   <none>   worker-2   <none>           <none>
                web-66ff4fb645-ldtnf   1/1     Running            0             40s   <none>   worker-2   <none>           <none>
                web-66ff4fb645-p5bjs   1/1     Running            0             2m    <none>   worker-2   <none>           <none>
                web-66ff4fb645-q8rbq   0/1     Terminating        0             2m    <none>   worker-1   <none>           <none>
                """, PodTable.render(Runs.at(run, "2m"), true));
    }

    @Test
    void nodesWhileWorker1IsNotReady() {
        assertEquals("""
                NAME        STATUS                     ROLES           AGE   VERSION
                manager-1   Ready,SchedulingDisabled   control-plane   60s   v1.33.0
                worker-1    NotReady                   <none>          60s   v1.33.0
                worker-2    Ready                      <none>          60s   v1.33.0
                """, KubeNodeTable.render(Runs.at(run, "1m"), false));
    }

    @Test
    void nodesBeforeTheCrash() {
        assertEquals("""
                NAME        STATUS                     ROLES           AGE   VERSION
                manager-1   Ready,SchedulingDisabled   control-plane   20s   v1.33.0
                worker-1    Ready                      <none>          20s   v1.33.0
                worker-2    Ready                      <none>          20s   v1.33.0
                """, KubeNodeTable.render(Runs.at(run, "20s"), false));
    }
}
