package io.flotilla.scheduler.admission.kubernetes;

import java.util.Locale;

/**
 * A namespace's Pod Security Standard, enforced at pod creation ({@code
 * pod-security.kubernetes.io/enforce}): {@code privileged} admits everything, {@code baseline}
 * forbids the known privilege escalations, {@code restricted} also requires a hardened pod.
 */
public enum PodSecurityLevel {
    PRIVILEGED,
    BASELINE,
    RESTRICTED;

    /** The label value: {@code privileged}, {@code baseline} or {@code restricted}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As the admission's messages name the policy: {@code restricted:latest}. */
    public String withVersion() {
        return word() + ":latest";
    }
}
