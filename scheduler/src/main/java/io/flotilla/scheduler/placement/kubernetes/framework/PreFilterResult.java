package io.flotilla.scheduler.placement.kubernetes.framework;

import java.util.Optional;
import java.util.Set;

/**
 * A PreFilter verdict: SKIP (the plugin's Filter has nothing to check), a rejection that fails every
 * node alike, or success, possibly with the only node names worth filtering (NodeAffinity's
 * {@code metadata.name} fields).
 */
public record PreFilterResult(Status status, Optional<Set<String>> nodeNames) {

    public static final PreFilterResult SUCCESS = new PreFilterResult(Status.SUCCESS, Optional.empty());
    public static final PreFilterResult SKIP = new PreFilterResult(Status.SKIP, Optional.empty());

    public static PreFilterResult of(Status status) {
        return new PreFilterResult(status, Optional.empty());
    }
}
