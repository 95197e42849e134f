package io.flotilla.scenarios.chaos;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of fault a schedule draws, by their {@code --faults} name; each becomes one of the
 * format's timeline actions, so a drawn schedule is an ordinary timeline.
 */
public enum FaultKind {
    /** {@code crash}: a node that is up. */
    CRASH,
    /** {@code restart}: a node that is down. */
    RESTART,
    /** {@code partition}: some of the nodes cut off from the rest. */
    PARTITION,
    /** {@code heal: all}, once something is cut. */
    HEAL,
    /** {@code link_down} of a link that is up, or {@code link_up} of one that is down. */
    LINK,
    /** {@code zone_down} of a zone with a node up, or {@code zone_up} of one with all down. */
    ZONE,
    /** {@code drain}, {@code pause} or {@code activate}: another availability for a node. */
    DRAIN,
    /** {@code kill_task} of a slot the service has. */
    KILL,
    /** {@code scale} of a replicated service to another count, 1 to 2 more than it was deployed with. */
    SCALE,
    /** {@code update}: a new image, or {@code force: true}. */
    UPDATE,
    /**
     * {@code firewall}: a node's firewall drops, or lets in again, one of Swarm's and Kubernetes'
     * ports by pairs that do the same job (the control plane's, the overlay's, gossip's), so that
     * both strategies meet the fault.
     */
    FIREWALL;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FaultKind> of(String keyword) {
        return Arrays.stream(values()).filter(k -> k.keyword().equals(keyword.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
