package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;

/**
 * Restricted: every container must set {@code allowPrivilegeEscalation=false}; unset counts as true
 * (upstream {@code check_allowPrivilegeEscalation.go}, {@code allowPrivilegeEscalation_1_8}).
 */
public final class AllowPrivilegeEscalationCheck implements PodSecurityCheck {

    public static final String REASON = "allowPrivilegeEscalation != false";

    @Override
    public String id() {
        return "allowPrivilegeEscalation";
    }

    @Override
    public PodSecurityLevel level() {
        return PodSecurityLevel.RESTRICTED;
    }

    @Override
    public CheckResult check(ReviewedPod pod) {
        List<String> bad = new ArrayList<>();
        for (PodContainer c : pod.containers()) {
            if (c.securityContext().allowPrivilegeEscalation().orElse(true)) {
                bad.add(c.name());
            }
        }
        return bad.isEmpty() ? CheckResult.ALLOWED
                : CheckResult.forbidden(REASON,
                        Wording.containers(bad) + " must set securityContext.allowPrivilegeEscalation=false");
    }
}
