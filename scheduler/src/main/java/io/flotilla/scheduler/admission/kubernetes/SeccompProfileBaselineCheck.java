package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Baseline: a seccomp profile, where one is set, must be {@code RuntimeDefault} or {@code Localhost}
 * (upstream {@code check_seccompProfile_baseline.go}, {@code seccompProfileBaseline_1_19}); at the
 * restricted level {@link SeccompProfileRestrictedCheck} replaces it.
 */
public final class SeccompProfileBaselineCheck implements PodSecurityCheck {

    public static final String REASON = "seccompProfile";

    @Override
    public String id() {
        return "seccompProfile_baseline";
    }

    @Override
    public PodSecurityLevel level() {
        return PodSecurityLevel.BASELINE;
    }

    @Override
    public boolean overlap() {
        return true;
    }

    @Override
    public CheckResult check(ReviewedPod pod) {
        List<String> badSetters = new ArrayList<>();
        TreeSet<String> badValues = new TreeSet<>();
        pod.securityContext().seccompProfile().filter(p -> !p.confines()).ifPresent(p -> {
            badSetters.add("pod");
            badValues.add(p.type().apiName());
        });
        List<String> bad = new ArrayList<>();
        for (PodContainer c : pod.containers()) {
            c.securityContext().seccompProfile().filter(p -> !p.confines()).ifPresent(p -> {
                bad.add(c.name());
                badValues.add(p.type().apiName());
            });
        }
        if (!bad.isEmpty()) {
            badSetters.add(Wording.containers(bad));
        }
        return badSetters.isEmpty() ? CheckResult.ALLOWED
                : CheckResult.forbidden(REASON, String.join(" and ", badSetters)
                        + " must not set securityContext.seccompProfile.type to " + Wording.joinQuote(List.copyOf(badValues)));
    }
}
