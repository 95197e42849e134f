package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;

/**
 * Restricted: neither the pod nor a container may set {@code runAsUser: 0} (upstream {@code
 * check_runAsUser.go}, {@code runAsUser_1_23}).
 */
public final class RunAsUserCheck implements PodSecurityCheck {

    public static final String REASON = "runAsUser=0";

    @Override
    public String id() {
        return "runAsUser";
    }

    @Override
    public PodSecurityLevel level() {
        return PodSecurityLevel.RESTRICTED;
    }

    @Override
    public CheckResult check(ReviewedPod pod) {
        List<String> badSetters = new ArrayList<>();
        if (pod.securityContext().runAsUser().filter(uid -> uid == 0).isPresent()) {
            badSetters.add("pod");
        }
        List<String> bad = new ArrayList<>();
        for (PodContainer c : pod.containers()) {
            if (c.securityContext().runAsUser().filter(uid -> uid == 0).isPresent()) {
                bad.add(c.name());
            }
        }
        if (!bad.isEmpty()) {
            badSetters.add(Wording.containers(bad));
        }
        return badSetters.isEmpty() ? CheckResult.ALLOWED
                : CheckResult.forbidden(REASON, String.join(" and ", badSetters) + " must not set runAsUser=0");
    }
}
