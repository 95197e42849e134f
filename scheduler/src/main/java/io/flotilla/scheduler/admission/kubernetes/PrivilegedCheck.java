package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;

/**
 * Baseline: no container may be privileged (upstream {@code check_privileged.go}, {@code
 * privileged_1_0}).
 */
public final class PrivilegedCheck implements PodSecurityCheck {

    public static final String REASON = "privileged";

    @Override
    public String id() {
        return "privileged";
    }

    @Override
    public PodSecurityLevel level() {
        return PodSecurityLevel.BASELINE;
    }

    @Override
    public CheckResult check(ReviewedPod pod) {
        List<String> bad = new ArrayList<>();
        for (PodContainer c : pod.containers()) {
            if (c.securityContext().privileged().orElse(false)) {
                bad.add(c.name());
            }
        }
        return bad.isEmpty() ? CheckResult.ALLOWED
                : CheckResult.forbidden(REASON, Wording.containers(bad) + " must not set securityContext.privileged=true");
    }
}
