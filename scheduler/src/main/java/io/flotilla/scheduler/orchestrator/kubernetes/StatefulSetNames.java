package io.flotilla.scheduler.orchestrator.kubernetes;

import java.util.OptionalInt;

/**
 * The names a StatefulSet gives (upstream {@code stateful_set_utils.go}): its pods {@code
 * <set>-<ordinal>} ({@code getPodName}), their claims {@code <template>-<set>-<ordinal>} ({@code
 * getPersistentVolumeClaimName}), and the DNS name a pod has under the set's headless Service,
 * {@code <pod>.<service>}.
 */
public final class StatefulSetNames {

    private StatefulSetNames() {}

    public static String podName(String set, int ordinal) {
        return set + "-" + ordinal;
    }

    public static String claimName(String template, String set, int ordinal) {
        return template + "-" + podName(set, ordinal);
    }

    /** Upstream {@code getParentNameAndOrdinal}: the ordinal of a pod of {@code set}, if the name is one. */
    public static OptionalInt ordinal(String set, String podName) {
        String prefix = set + "-";
        if (!podName.startsWith(prefix)) {
            return OptionalInt.empty();
        }
        String digits = podName.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)
                || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }

    public static String hostname(String podName, String service) {
        return podName + "." + service;
    }
}
