package io.flotilla.sim.cluster;

import io.flotilla.scheduler.model.ImageName;

/**
 * The words of a failed pull, as each node's software says them: the engine's error for an image
 * it has not got, the kubelet's waiting reasons and messages ({@code pkg/kubelet/images}), and the
 * pull error a registry that is down gives.
 */
final class PullErrors {

    /** The kubelet's waiting reasons ({@code images.ErrImagePull}, {@code ErrImagePullBackOff}, {@code ErrImageNeverPull}). */
    static final String ERR_IMAGE_PULL = "ErrImagePull";
    static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
    static final String ERR_IMAGE_NEVER_PULL = "ErrImageNeverPull";

    private PullErrors() {}

    /**
     * The engine's {@code ErrImageDoesNotExist}, which the container create after a failed pull
     * returns and the Swarm task is rejected with; the name gets {@code :latest} when it has no tag
     * ({@code No such image: nginx:latest}).
     */
    static String noSuchImage(String image) {
        return "No such image: " + ImageName.of(image).withDefaultTag();
    }

    /** Why a pull from a registry that is down fails. */
    static String registryDown(String image, String registry) {
        return "failed to pull image \"" + image + "\": registry " + registry + " is down";
    }

    /** {@code EnsureImageExists}' message while the pod's pulls are held back. */
    static String backOff(String image) {
        return "Back-off pulling image \"" + image + "\"";
    }

    /** {@code EnsureImageExists}' message for an absent image under {@code Never}. */
    static String neverPull(String image) {
        return "Container image \"" + image + "\" is not present with pull policy of Never";
    }
}
