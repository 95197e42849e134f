package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Restricted: the pod, or else every container, must set {@code runAsNonRoot=true}, and none may
 * set it false (upstream {@code check_runAsNonRoot.go}, {@code runAsNonRoot_1_34}; its relaxation
 * for pods in a user namespace does not apply: the simulator's pods share the host's users).
 */
public final class RunAsNonRootCheck implements PodSecurityCheck {

    public static final String REASON = "runAsNonRoot != true";

    @Override
    public String id() {
        return "runAsNonRoot";
    }

    @Override
    public PodSecurityLevel level() {
        return PodSecurityLevel.RESTRICTED;
    }

    @Override
    public CheckResult check(ReviewedPod pod) {
        List<String> badSetters = new ArrayList<>();
        boolean podRunAsNonRoot = false;
        Optional<Boolean> podLevel = pod.securityContext().runAsNonRoot();
        if (podLevel.isPresent()) {
            if (!podLevel.get()) {
                badSetters.add("pod");
            } else {
                podRunAsNonRoot = true;
            }
        }
        List<String> explicitlyBad = new ArrayList<>();
        List<String> implicitlyBad = new ArrayList<>();
        for (PodContainer c : pod.containers()) {
            Optional<Boolean> own = c.securityContext().runAsNonRoot();
            if (own.isPresent()) {
                if (!own.get()) {
                    explicitlyBad.add(c.name());
                }
            } else if (!podRunAsNonRoot) {
                implicitlyBad.add(c.name());
            }
        }
        if (!explicitlyBad.isEmpty()) {
            badSetters.add(Wording.containers(explicitlyBad));
        }
        if (!badSetters.isEmpty()) {
            return CheckResult.forbidden(REASON, String.join(" and ", badSetters) + " must not set securityContext.runAsNonRoot=false");
        }
        if (!implicitlyBad.isEmpty()) {
            return CheckResult.forbidden(REASON, "pod or " + Wording.containers(implicitlyBad) + " must set securityContext.runAsNonRoot=true");
        }
        return CheckResult.ALLOWED;
    }
}
