package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks, in the order upstream registers them: each check file registers itself from its
 * {@code init}, and Go runs a package's files in file name order ({@code check_allowPrivilegeEscalation.go},
 * {@code check_appArmorProfile.go}, ...). A level runs the baseline checks first, then its own
 * (upstream {@code checkRegistry.EvaluatePod}), which is why a restricted refusal names
 * {@code privileged} before {@code allowPrivilegeEscalation != false}.
 *
 * <p>Left out are the checks no compose key reaches: host namespaces, hostPath and restricted
 * volume types, host probes, procMount, SELinux options, sysctls, Windows host processes; every
 * pod of the simulator passes them.
 */
public final class PodSecurityChecks {

    /** Registration order (upstream's file names, sorted). */
    public static final List<PodSecurityCheck> ALL = List.of(
            new AllowPrivilegeEscalationCheck(),
            new AppArmorProfileCheck(),
            new CapabilitiesBaselineCheck(),
            new CapabilitiesRestrictedCheck(),
            new HostPortsCheck(),
            new PrivilegedCheck(),
            new RunAsNonRootCheck(),
            new RunAsUserCheck(),
            new SeccompProfileBaselineCheck(),
            new SeccompProfileRestrictedCheck());

    private PodSecurityChecks() {}

    /** The checks a level runs, in the order it runs them; none for {@code privileged}. */
    public static List<PodSecurityCheck> of(PodSecurityLevel level) {
        List<PodSecurityCheck> out = new ArrayList<>();
        if (level == PodSecurityLevel.PRIVILEGED) {
            return out;
        }
        for (PodSecurityCheck c : ALL) {
            if (c.level() == PodSecurityLevel.BASELINE && !c.overlap()) {
                out.add(c);
            }
        }
        for (PodSecurityCheck c : ALL) {
            boolean own = level == PodSecurityLevel.BASELINE ? c.level() == PodSecurityLevel.BASELINE && c.overlap()
                    : c.level() == PodSecurityLevel.RESTRICTED;
            if (own) {
                out.add(c);
            }
        }
        return out;
    }
}
