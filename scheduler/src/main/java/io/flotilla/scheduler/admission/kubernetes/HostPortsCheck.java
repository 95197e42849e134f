package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Baseline: no container may ask for a host port (upstream {@code check_hostPorts.go}, {@code
 * hostPorts_1_0}). The ports are listed as upstream lists them, a set of strings in text order.
 */
public final class HostPortsCheck implements PodSecurityCheck {

    public static final String REASON = "hostPort";

    @Override
    public String id() {
        return "hostPorts";
    }

    @Override
    public PodSecurityLevel level() {
        return PodSecurityLevel.BASELINE;
    }

    @Override
    public CheckResult check(ReviewedPod pod) {
        List<String> bad = new ArrayList<>();
        TreeSet<String> ports = new TreeSet<>();
        for (PodContainer c : pod.containers()) {
            boolean valid = true;
            for (int port : c.hostPorts()) {
                if (port != 0) {
                    valid = false;
                    ports.add(Integer.toString(port));
                }
            }
            if (!valid) {
                bad.add(c.name());
            }
        }
        return bad.isEmpty() ? CheckResult.ALLOWED
                : CheckResult.forbidden(REASON, Wording.containers(bad) + " " + Wording.pluralize("uses", "use", bad.size())
                        + " " + Wording.pluralize("hostPort", "hostPorts", ports.size()) + " " + String.join(", ", ports));
    }
}
