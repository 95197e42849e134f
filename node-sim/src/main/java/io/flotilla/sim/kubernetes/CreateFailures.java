package io.flotilla.sim.kubernetes;

import io.flotilla.scheduler.orchestrator.kubernetes.WorkQueueBackoff;
import io.flotilla.sim.events.WorkloadFailedCreate;

/**
 * What a workload controller does when the API server refuses a pod it creates: it records the
 * {@code FailedCreate} event on its object and puts the object back on its work queue with the
 * queue's exponential back-off ({@link WorkQueueBackoff}); the count starts again after a sync that
 * creates every pod it wanted.
 */
final class CreateFailures {

    private CreateFailures() {}

    static void failed(ControllerEffects io, DeploymentState d, ReplicaSetState rs, String kind, String object,
            String message) {
        rs.failedCreates++;
        io.log(new WorkloadFailedCreate(d.name(), kind, object, message, rs.failedCreates));
        long delay = WorkQueueBackoff.delayNanos(rs.failedCreates);
        rs.retryCreatesAt = io.now() + delay;
        io.startTimer(new KubeTimer.CreateRetry(d.name(), rs.name), delay);
    }
}
