package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Restricted: every container must drop {@code ALL} and may add only {@code NET_BIND_SERVICE}
 * (upstream {@code check_capabilities_restricted.go}, {@code capabilitiesRestricted_1_22}).
 */
public final class CapabilitiesRestrictedCheck implements PodSecurityCheck {

    public static final String REASON = "unrestricted capabilities";

    @Override
    public String id() {
        return "capabilities_restricted";
    }

    @Override
    public PodSecurityLevel level() {
        return PodSecurityLevel.RESTRICTED;
    }

    @Override
    public CheckResult check(ReviewedPod pod) {
        List<String> missingDropAll = new ArrayList<>();
        List<String> addingForbidden = new ArrayList<>();
        TreeSet<String> forbidden = new TreeSet<>();
        for (PodContainer c : pod.containers()) {
            Optional<Capabilities> caps = c.securityContext().capabilities();
            if (caps.isEmpty()) {
                missingDropAll.add(c.name());
                continue;
            }
            if (!caps.get().drop().contains("ALL")) {
                missingDropAll.add(c.name());
            }
            boolean addedForbidden = false;
            for (String cap : caps.get().add()) {
                if (!cap.equals("NET_BIND_SERVICE")) {
                    addedForbidden = true;
                    forbidden.add(cap);
                }
            }
            if (addedForbidden) {
                addingForbidden.add(c.name());
            }
        }
        List<String> details = new ArrayList<>();
        if (!missingDropAll.isEmpty()) {
            details.add(Wording.containers(missingDropAll) + " must set securityContext.capabilities.drop=[\"ALL\"]");
        }
        if (!addingForbidden.isEmpty()) {
            details.add(Wording.containers(addingForbidden) + " must not include "
                    + Wording.joinQuote(List.copyOf(forbidden)) + " in securityContext.capabilities.add");
        }
        return details.isEmpty() ? CheckResult.ALLOWED : CheckResult.forbidden(REASON, String.join("; ", details));
    }
}
