package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Restricted: the pod, or else every container, must set a seccomp profile of type {@code
 * RuntimeDefault} or {@code Localhost} (upstream {@code check_seccompProfile_restricted.go},
 * {@code seccompProfileRestricted_1_19}).
 */
public final class SeccompProfileRestrictedCheck implements PodSecurityCheck {

    public static final String REASON = "seccompProfile";

    @Override
    public String id() {
        return "seccompProfile_restricted";
    }

    @Override
    public PodSecurityLevel level() {
        return PodSecurityLevel.RESTRICTED;
    }

    @Override
    public CheckResult check(ReviewedPod pod) {
        List<String> badSetters = new ArrayList<>();
        TreeSet<String> badValues = new TreeSet<>();
        boolean podSeccompSet = false;
        Optional<SecurityProfile> podLevel = pod.securityContext().seccompProfile();
        if (podLevel.isPresent()) {
            if (!podLevel.get().confines()) {
                badSetters.add("pod");
                badValues.add(podLevel.get().type().apiName());
            } else {
                podSeccompSet = true;
            }
        }
        List<String> explicitlyBad = new ArrayList<>();
        List<String> implicitlyBad = new ArrayList<>();
        for (PodContainer c : pod.containers()) {
            Optional<SecurityProfile> own = c.securityContext().seccompProfile();
            if (own.isPresent()) {
                if (!own.get().confines()) {
                    explicitlyBad.add(c.name());
                    badValues.add(own.get().type().apiName());
                }
            } else if (!podSeccompSet) {
                implicitlyBad.add(c.name());
            }
        }
        if (!explicitlyBad.isEmpty()) {
            badSetters.add(Wording.containers(explicitlyBad));
        }
        if (!badSetters.isEmpty()) {
            return CheckResult.forbidden(REASON, String.join(" and ", badSetters)
                    + " must not set securityContext.seccompProfile.type to " + Wording.joinQuote(List.copyOf(badValues)));
        }
        if (!implicitlyBad.isEmpty()) {
            return CheckResult.forbidden(REASON, "pod or " + Wording.containers(implicitlyBad)
                    + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"");
        }
        return CheckResult.ALLOWED;
    }
}
