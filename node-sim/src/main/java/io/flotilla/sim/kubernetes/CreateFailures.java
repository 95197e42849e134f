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
        rs.retryCreatesAt = retryAt(io, d.name(), kind, object, message, rs.failedCreates);
    }

    /**
     * A StatefulSet's refused pod: the set is the work queue's key, and upstream's {@code
     * recordPodEvent} words the event {@code create Pod db-0 in StatefulSet db failed error: ...}.
     */
    static void failed(ControllerEffects io, StatefulSetState set, String pod, String error) {
        set.failedCreates++;
        set.retryCreatesAt = retryAt(io, set.name(), "StatefulSet", set.name(),
                "create Pod " + pod + " in StatefulSet " + set.name() + " failed error: " + error, set.failedCreates);
    }

    private static long retryAt(ControllerEffects io, String service, String kind, String object, String message,
            int count) {
        io.log(new WorkloadFailedCreate(service, kind, object, message, count));
        long delay = WorkQueueBackoff.delayNanos(count);
        io.startTimer(new KubeTimer.CreateRetry(service, object), delay);
        return io.now() + delay;
    }
}
