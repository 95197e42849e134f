package io.flotilla.sim.cluster;

import io.flotilla.scheduler.model.PullPolicy;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.sim.kubernetes.CrashLoopBackOff;
import io.flotilla.sim.kubernetes.ImagePullBackOff;
import java.util.OptionalLong;

/**
 * The kubelet: restartPolicy Always restarts an exited container in place after
 * {@link CrashLoopBackOff}'s delay, and a pod being deleted that has no running container here is
 * confirmed deleted at once. A failed image pull holds the pod's next pull back for
 * {@link ImagePullBackOff}'s delay.
 */
final class Kubelet implements AgentKind {

    /**
     * After a sync of a pod that failed (an image pull that failed, an absent image under
     * {@code Never}) the pod worker syncs it again this long after ({@code backOffPeriod},
     * {@code pkg/kubelet/kubelet.go}); upstream jitters it up to half again ({@code wait.Jitter},
     * {@code workerBackOffPeriodJitterFactor} 0.5); this takes the lower bound.
     */
    static final long SYNC_AFTER_ERROR_NANOS = 10_000_000_000L;

    /**
     * After a sync that ended without an error (a pull held back by its back-off is not one: {@code
     * SyncPod} does not return {@code ErrImagePullBackOff}), the next one is the periodic resync
     * ({@code syncFrequency}, 1 minute, jittered the same way; the lower bound here).
     */
    static final long RESYNC_NANOS = 60_000_000_000L;

    private final CrashLoopBackOff backOff = new CrashLoopBackOff();
    private final ImagePullBackOff imageBackOff = new ImagePullBackOff();

    @Override
    public OptionalLong restartDelay(String taskId, long now) {
        return OptionalLong.of(backOff.restartDelay(taskId, now));
    }

    @Override
    public String stoppedWithoutContainer() {
        return "deleted";
    }

    @Override
    public void forget(String taskId) {
        backOff.forget(taskId);
        imageBackOff.forget(taskId);
    }

    @Override
    public void crashed() {
        backOff.clear();
        imageBackOff.clear();
    }

    @Override
    public boolean healthcheckStopsTask() {
        return false;
    }

    @Override
    public boolean drainsBeforeStop() {
        return false;
    }

    @Override
    public boolean restartsInPlace() {
        return true;
    }

    @Override
    public boolean everyContainerHasAnAddress() {
        return true;
    }

    /** {@code imagePullPolicy} as the API server defaults it when the service sets none. */
    @Override
    public PullPolicy pullPolicy(TaskSpec spec) {
        return spec.pullPolicy().orElseGet(() -> PullPolicy.kubernetesDefault(spec.image()));
    }

    @Override
    public boolean retriesPulls() {
        return true;
    }

    @Override
    public boolean runsLocalImageWhenPullFails() {
        return false;
    }

    @Override
    public boolean pullHeldBack(String taskId, String image, long now) {
        return imageBackOff.inBackOff(ImagePullBackOff.key(taskId, image), now);
    }

    @Override
    public void pullFailed(String taskId, String image, long now) {
        imageBackOff.failed(ImagePullBackOff.key(taskId, image), now);
    }

    @Override
    public boolean probesWhilePaused() {
        return true;
    }

    @Override
    public boolean assignmentsNeedSession() {
        return false;
    }
}
