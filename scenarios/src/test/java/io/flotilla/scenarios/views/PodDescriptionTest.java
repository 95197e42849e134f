package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.run.RunResult;
import org.junit.jupiter.api.BeforeAll;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl describe pod} at exact moments of {@link Runs#KUBERNETES}: describe's blocks each
 * aligned on their own, the container's state and last state, conditions, QoS class, the default
 * tolerations, and the Events table with the real reasons, sources and counts.
 */
class PodDescriptionTest {

    static RunResult run;

    @BeforeAll
    static void run() {
        run = Runs.run(Runs.KUBERNETES);
    }

    private static String describe(String pod, String at) {
        RunMoment m = Runs.at(run, at);
        return PodDescription.render(m, KubernetesApi.pod(m, pod).orElseThrow());
    }

    /** A compose healthcheck is the pod's readiness probe: its command as the kubelet would exec it. */
    @Test
    void theReadinessProbeShowsTheCommandItRuns() {
        RunResult probed = Runs.run("""
                scenario: probed
                strategy: kubernetes
                until: 10s
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker-1}
                services:
                  web:
                    image: nginx:1.27
                    healthcheck: {test: ["CMD", "curl", "-f", "http://localhost/"], interval: 5s, timeout: 2s}
                  api:
                    image: nginx:1.27
                    healthcheck: {test: "wget -qO- localhost:8080/health", interval: 10s, retries: 5}
                """);
        RunMoment m = Runs.at(probed, "10s");
        List<String> probes = KubernetesApi.pods(m).stream()
                .map(p -> PodDescription.render(m, p).lines().filter(l -> l.contains("Readiness:")).findFirst().orElseThrow().strip())
                .sorted().toList();
        assertEquals(List.of(
                "Readiness:      exec [/bin/sh -c wget -qO- localhost:8080/health] delay=0s timeout=30s period=10s #success=1 #failure=5",
                "Readiness:      exec [curl -f http://localhost/] delay=0s timeout=2s period=5s #success=1 #failure=3"), probes);
    }

    /** A running pod: pulled, created, started once. */
    @Test
    void aRunningPod() {
        assertEquals("""
                Name:             web-66ff4fb645-p5bjs
                Namespace:        default
                Priority:         0
                Service Account:  default
                Node:             worker-2/
                Start Time:       Thu, 01 Jan 1970 00:00:00 +0000
                Labels:           app=web
                                  pod-template-hash=66ff4fb645
                Annotations:      <none>
                Status:           Running
                IP:
                IPs:              <none>
                Controlled By:    ReplicaSet/web-66ff4fb645
                Containers:
                  web:
                    Container ID:   containerd://2aafe3ecacfde56afa8a4c5def53a729914d1728d050bddebb0090510ec94d25
                    Image:          nginx:1.27
                    Image ID:       docker.io/library/nginx@sha256:9308b9cd42e3e42e187fbdd094ce290bb9408f0a96806b23d45dd3a27c9c69b7
                    Port:           <none>
                    Host Port:      <none>
                    State:          Running
                      Started:      Thu, 01 Jan 1970 00:00:02 +0000
                    Ready:          True
                    Restart Count:  0
                    Environment:    <none>
                    Mounts:         <none>
                Conditions:
                  Type                        Status
                  PodReadyToStartContainers   True
                  Initialized                 True
                  Ready                       True
                  ContainersReady             True
                  PodScheduled                True
                Volumes:                      <none>
                QoS Class:                    BestEffort
                Node-Selectors:               <none>
                Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 30s
                                              node.kubernetes.io/unreachable:NoExecute op=Exists for 30s
                Events:
                  Type    Reason     Age   From               Message
                  ----    ------     ----  ----               -------
                  Normal  Scheduled  20s   default-scheduler  Successfully assigned default/web-66ff4fb645-p5bjs to worker-2
                  Normal  Pulling    20s   kubelet            Pulling image "nginx:1.27"
                  Normal  Pulled     19s   kubelet            Successfully pulled image "nginx:1.27" in 1s (1s including waiting). Image size: 104857600 bytes.
                  Normal  Created    19s   kubelet            Created container: web
                  Normal  Started    18s   kubelet            Started container web
                """, describe("web-66ff4fb645-p5bjs", "20s"));
    }

    /**
     * pay, evicted from the dead worker: Terminating since its deletion timestamp (deletion plus the
     * grace period) passed, its last kubelet status a CrashLoopBackOff, the restarts counted into
     * its events, then the taint eviction controller's mark.
     */
    @Test
    void aCrashLoopingPodEvictedFromADeadNode() {
        assertEquals("""
                Name:                      pay-696cc7596c-fwj4c
                Namespace:                 default
                Priority:                  0
                Service Account:           default
                Node:                      worker-1/
                Start Time:                Thu, 01 Jan 1970 00:00:00 +0000
                Labels:                    app=pay
                                           pod-template-hash=696cc7596c
                Annotations:               <none>
                Status:                    Terminating (lasts 30s)
                Termination Grace Period:  10s
                IP:
                IPs:                       <none>
                Controlled By:             ReplicaSet/pay-696cc7596c
                Containers:
                  pay:
                    Container ID:   containerd://458c5ab8e7b594cb0653d65b94d787c53fc26a64c949182912ea28f242ab3698
                    Image:          pay:2
                    Image ID:       docker.io/library/pay@sha256:348a031e2477717d4d138e8885c1a6193201aca5c9b7d4f55f715901acf67930
                    Port:           <none>
                    Host Port:      <none>
                    State:          Waiting
                      Reason:       CrashLoopBackOff
                    Last State:     Terminated
                      Reason:       Error
                      Exit Code:    1
                      Started:      Thu, 01 Jan 1970 00:00:19 +0000
                      Finished:     Thu, 01 Jan 1970 00:00:22 +0000
                    Ready:          False
                    Restart Count:  2
                    Environment:    <none>
                    Mounts:         <none>
                Conditions:
                  Type                        Status
                  PodReadyToStartContainers   True
                  Initialized                 True
                  Ready                       False
                  ContainersReady             False
                  PodScheduled                True
                Volumes:                      <none>
                QoS Class:                    BestEffort
                Node-Selectors:               <none>
                Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 30s
                                              node.kubernetes.io/unreachable:NoExecute op=Exists for 30s
                Events:
                  Type     Reason                Age                  From                       Message
                  ----     ------                ----                 ----                       -------
                  Normal   Scheduled             2m                   default-scheduler          Successfully assigned default/pay-696cc7596c-fwj4c to worker-1
                  Normal   Pulling               2m                   kubelet                    Pulling image "pay:2"
                  Normal   Pulled                119s                 kubelet                    Successfully pulled image "pay:2" in 500ms (500ms including waiting). Image size: 52428800 bytes.
                  Normal   Created               101s (x3 over 119s)  kubelet                    Created container: pay
                  Normal   Pulled                101s (x2 over 115s)  kubelet                    Container image "pay:2" already present on machine
                  Normal   Started               100s (x3 over 118s)  kubelet                    Started container pay
                  Warning  BackOff               97s (x2 over 111s)   kubelet                    Back-off restarting failed container pay in pod pay-696cc7596c-fwj4c_default(bd16c435-4c76-4cfc-881e-d0f0142a8562)
                  Normal   TaintManagerEviction  40s                  taint-eviction-controller  Marking for deletion Pod default/pay-696cc7596c-fwj4c
                """, describe("pay-696cc7596c-fwj4c", "2m"));
    }

    /** web's pod on the dead node was ready, so the node lifecycle controller recorded NodeNotReady on it. */
    @Test
    void aPodMarkedNotReadyByTheNodeController() {
        assertEquals("""
                Name:             web-66ff4fb645-q8rbq
                Namespace:        default
                Priority:         0
                Service Account:  default
                Node:             worker-1/
                Start Time:       Thu, 01 Jan 1970 00:00:00 +0000
                Labels:           app=web
                                  pod-template-hash=66ff4fb645
                Annotations:      <none>
                Status:           Running
                IP:
                IPs:              <none>
                Controlled By:    ReplicaSet/web-66ff4fb645
                Containers:
                  web:
                    Container ID:   containerd://06bbc1b27bc07b98df9ab679646ecf2c23cea8cbf0e201c141c2f35227640996
                    Image:          nginx:1.27
                    Image ID:       docker.io/library/nginx@sha256:9308b9cd42e3e42e187fbdd094ce290bb9408f0a96806b23d45dd3a27c9c69b7
                    Port:           <none>
                    Host Port:      <none>
                    State:          Running
                      Started:      Thu, 01 Jan 1970 00:00:02 +0000
                    Ready:          False
                    Restart Count:  0
                    Environment:    <none>
                    Mounts:         <none>
                Conditions:
                  Type                        Status
                  PodReadyToStartContainers   True
                  Initialized                 True
                  Ready                       False
                  ContainersReady             False
                  PodScheduled                True
                Volumes:                      <none>
                QoS Class:                    BestEffort
                Node-Selectors:               <none>
                Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 30s
                                              node.kubernetes.io/unreachable:NoExecute op=Exists for 30s
                Events:
                  Type     Reason        Age   From               Message
                  ----     ------        ----  ----               -------
                  Normal   Scheduled     60s   default-scheduler  Successfully assigned default/web-66ff4fb645-q8rbq to worker-1
                  Normal   Pulling       60s   kubelet            Pulling image "nginx:1.27"
                  Normal   Pulled        59s   kubelet            Successfully pulled image "nginx:1.27" in 1s (1s including waiting). Image size: 104857600 bytes.
                  Normal   Created       59s   kubelet            Created container: web
                  Normal   Started       58s   kubelet            Started container web
                  Warning  NodeNotReady  10s   node-controller    Node is not ready
                """, describe("web-66ff4fb645-q8rbq", "1m"));
    }

    /** A pod that fits nowhere: no node, only PodScheduled False, and the scheduler's two different reasons. */
    @Test
    void anUnschedulablePod() {
        assertEquals("""
                Name:             big-db4c7778-b79wd
                Namespace:        default
                Priority:         0
                Service Account:  default
                Node:             <none>
                Labels:           app=big
                                  pod-template-hash=db4c7778
                Annotations:      <none>
                Status:           Pending
                IP:
                IPs:              <none>
                Controlled By:    ReplicaSet/big-db4c7778
                Containers:
                  big:
                    Image:      big:1
                    Port:       <none>
                    Host Port:  <none>
                    Requests:
                      cpu:        4
                    Environment:  <none>
                    Mounts:       <none>
                Conditions:
                  Type           Status
                  PodScheduled   False
                Volumes:         <none>
                QoS Class:       Burstable
                Node-Selectors:  <none>
                Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 30s
                                 node.kubernetes.io/unreachable:NoExecute op=Exists for 30s
                Events:
                  Type     Reason            Age   From               Message
                  ----     ------            ----  ----               -------
                  Warning  FailedScheduling  2m    default-scheduler  0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.
                  Warning  FailedScheduling  70s   default-scheduler  0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.
                """, describe("big-db4c7778-b79wd", "2m"));
    }
}
