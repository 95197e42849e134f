package io.flotilla.scheduler.image;

import io.flotilla.scheduler.model.PullPolicy;

/**
 * Whether a node pulls a container's image before it creates the container. The kubelet's
 * {@code shouldPullImage} ({@code pkg/kubelet/images/image_manager.go}), which dockerd's Swarm
 * executor matches when the policy is read as the reference it pulls: a tag is pulled at every
 * start ({@link PullPolicy#ALWAYS}), a digest only when missing ({@link PullPolicy#IF_NOT_PRESENT}),
 * and {@code DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1} never pulls ({@link PullPolicy#NEVER}).
 */
public final class PullRules {

    private PullRules() {}

    public static boolean shouldPull(PullPolicy policy, boolean present) {
        return switch (policy) {
            case NEVER -> false;
            case ALWAYS -> true;
            case IF_NOT_PRESENT -> !present;
        };
    }
}
