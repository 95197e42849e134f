package io.flotilla.scheduler.admission.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Baseline: an AppArmor profile, where one is set, must be {@code RuntimeDefault} or {@code
 * Localhost} (upstream {@code check_appArmorProfile.go}, {@code appArmorProfileV1Dot0}; its
 * deprecated annotations are not modelled, the fields are).
 */
public final class AppArmorProfileCheck implements PodSecurityCheck {

    @Override
    public String id() {
        return "appArmorProfile";
    }

    @Override
    public PodSecurityLevel level() {
        return PodSecurityLevel.BASELINE;
    }

    @Override
    public CheckResult check(ReviewedPod pod) {
        List<String> badSetters = new ArrayList<>();
        TreeSet<String> badValues = new TreeSet<>();
        pod.securityContext().appArmorProfile().filter(p -> !p.confines()).ifPresent(p -> {
            badSetters.add("pod");
            badValues.add(p.type().apiName());
        });
        List<String> bad = new ArrayList<>();
        for (PodContainer c : pod.containers()) {
            c.securityContext().appArmorProfile().filter(p -> !p.confines()).ifPresent(p -> {
                bad.add(c.name());
                badValues.add(p.type().apiName());
            });
        }
        if (!bad.isEmpty()) {
            badSetters.add(Wording.containers(bad));
        }
        if (badSetters.isEmpty()) {
            return CheckResult.ALLOWED;
        }
        return CheckResult.forbidden(
                Wording.pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", badValues.size()),
                String.join(" and ", badSetters) + " must not set AppArmor profile type to " + Wording.joinQuote(List.copyOf(badValues)));
    }
}
