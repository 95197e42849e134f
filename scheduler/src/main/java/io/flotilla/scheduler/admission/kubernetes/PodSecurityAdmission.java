package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pod Security admission in enforce mode: a pod that violates its namespace's level is refused at
 * creation with the API's words, {@code pods "web-7d4b9c8f5-x2x1n" is forbidden: violates PodSecurity
 * "restricted:latest": allowPrivilegeEscalation != false (container "web" must set
 * securityContext.allowPrivilegeEscalation=false), ...}: every forbidden check's reason, with its
 * detail in parentheses, joined by commas in the order the checks ran (upstream {@code
 * AggregateCheckResults} and {@code ForbiddenDetail}, the admission's {@code "violates PodSecurity
 * %q: %s"} and the API's {@code NewForbidden}).
 */
public final class PodSecurityAdmission {

    private PodSecurityAdmission() {}

    /** Why {@code level} forbids the pod ({@code violates PodSecurity ...}); empty when it admits it. */
    public static Optional<String> violation(PodSecurityLevel level, ReviewedPod pod) {
        List<String> parts = new ArrayList<>();
        for (PodSecurityCheck check : PodSecurityChecks.of(level)) {
            CheckResult r = check.check(pod);
            if (!r.allowed()) {
                parts.add(r.forbiddenDetail().isEmpty() ? r.forbiddenReason()
                        : r.forbiddenReason() + " (" + r.forbiddenDetail() + ")");
            }
        }
        return parts.isEmpty() ? Optional.empty()
                : Optional.of("violates PodSecurity \"" + level.withVersion() + "\": " + String.join(", ", parts));
    }

    /** The API server's error for a refused creation: {@code pods "NAME" is forbidden: violates PodSecurity ...}. */
    public static Optional<String> forbidden(PodSecurityLevel level, ReviewedPod pod) {
        return violation(level, pod).map(v -> "pods \"" + pod.name() + "\" is forbidden: " + v);
    }
}
