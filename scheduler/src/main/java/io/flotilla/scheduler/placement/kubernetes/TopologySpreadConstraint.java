package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code topologySpreadConstraints} entry. DoNotSchedule constraints are filters, ScheduleAnyway
 * ones are scores. {@code minDomains} (default 1) only acts on DoNotSchedule; the inclusion policies
 * default to Honor for node affinity and Ignore for taints; {@code matchLabelKeys} adds
 * {@code key in (pod's value)} to the selector for each key the pod carries.
 */
public record TopologySpreadConstraint(
        int maxSkew,
        String topologyKey,
        WhenUnsatisfiable whenUnsatisfiable,
        Optional<LabelSelector> labelSelector,
        OptionalInt minDomains,
        InclusionPolicy nodeAffinityPolicy,
        InclusionPolicy nodeTaintsPolicy,
        List<String> matchLabelKeys) {

    public enum WhenUnsatisfiable {
        DO_NOT_SCHEDULE,
        SCHEDULE_ANYWAY
    }

    /** {@code NodeInclusionPolicy}: whether the nodes the pod could not go to still count as domains. */
    public enum InclusionPolicy {
        HONOR,
        IGNORE
    }

    public TopologySpreadConstraint {
        matchLabelKeys = List.copyOf(matchLabelKeys);
    }

    /** A constraint with the API defaults: no minDomains, Honor node affinity, Ignore taints. */
    public static TopologySpreadConstraint of(int maxSkew, String topologyKey, WhenUnsatisfiable when,
            LabelSelector selector) {
        return new TopologySpreadConstraint(maxSkew, topologyKey, when, Optional.of(selector), OptionalInt.empty(),
                InclusionPolicy.HONOR, InclusionPolicy.IGNORE, List.of());
    }
}
