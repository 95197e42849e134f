package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Baseline: a container may add only capabilities of the runtime's default set (upstream {@code
 * check_capabilities_baseline.go}, {@code capabilitiesBaseline_1_0}); at the restricted level
 * {@link CapabilitiesRestrictedCheck} replaces it.
 */
public final class CapabilitiesBaselineCheck implements PodSecurityCheck {

    public static final String REASON = "non-default capabilities";

    /** Upstream's {@code capabilities_allowed_1_0}: the container runtime's default capabilities. */
    public static final Set<String> ALLOWED = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
            "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    @Override
    public String id() {
        return "capabilities_baseline";
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
        List<String> bad = new ArrayList<>();
        TreeSet<String> nonDefault = new TreeSet<>();
        for (PodContainer c : pod.containers()) {
            boolean valid = true;
            for (String cap : c.securityContext().capabilities().map(Capabilities::add).orElse(List.of())) {
                if (!ALLOWED.contains(cap)) {
                    valid = false;
                    nonDefault.add(cap);
                }
            }
            if (!valid) {
                bad.add(c.name());
            }
        }
        return bad.isEmpty() ? CheckResult.ALLOWED
                : CheckResult.forbidden(REASON, Wording.containers(bad) + " must not include "
                        + Wording.joinQuote(List.copyOf(nonDefault)) + " in securityContext.capabilities.add");
    }
}
