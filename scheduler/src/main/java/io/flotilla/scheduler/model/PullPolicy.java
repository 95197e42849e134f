package io.flotilla.scheduler.model;

import java.util.Locale;

/**
 * When a node pulls a task's image: compose's {@code pull_policy} ({@code always},
 * {@code missing}, {@code never}), Kubernetes' {@code imagePullPolicy} ({@code Always},
 * {@code IfNotPresent}, {@code Never}).
 *
 * <p>A service that sets none gets each strategy's own default: Swarm's is {@link #IF_NOT_PRESENT}
 * (the CLI pins the image to a digest, and an agent pulls a pinned image only when it lacks it);
 * Kubernetes' is {@link #ALWAYS} for an image tagged {@code :latest} or not tagged at all and
 * {@link #IF_NOT_PRESENT} otherwise ({@link #kubernetesDefault}).
 */
public enum PullPolicy {
    /** Pull at every container start, even when the image is there: a manifest check at least. */
    ALWAYS,
    /** Pull only when the node lacks the image. */
    IF_NOT_PRESENT,
    /** Never pull; a node without the image cannot run the container. */
    NEVER;

    /** The name Kubernetes gives it: {@code Always}, {@code IfNotPresent}, {@code Never}. */
    public String kubernetesName() {
        return switch (this) {
            case ALWAYS -> "Always";
            case IF_NOT_PRESENT -> "IfNotPresent";
            case NEVER -> "Never";
        };
    }

    /** The name compose gives it: {@code always}, {@code missing}, {@code never}. */
    public String composeName() {
        return this == IF_NOT_PRESENT ? "missing" : name().toLowerCase(Locale.ROOT);
    }

    /**
     * Kubernetes' defaulting ({@code SetDefaults_Container}): {@code Always} when the image's tag is
     * {@code latest}, written or implied (a name with neither tag nor digest), {@code IfNotPresent}
     * otherwise.
     */
    public static PullPolicy kubernetesDefault(String image) {
        ImageName name = ImageName.of(image);
        String tag = name.tag().orElse(name.digest().isEmpty() ? "latest" : "");
        return tag.equals("latest") ? ALWAYS : IF_NOT_PRESENT;
    }
}
