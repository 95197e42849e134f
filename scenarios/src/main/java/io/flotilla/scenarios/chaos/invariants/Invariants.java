package io.flotilla.scenarios.chaos.invariants;

import io.flotilla.scenarios.chaos.ChaosContext;
import io.flotilla.scenarios.chaos.Invariant;
import java.util.List;

/**
 * Every invariant a chaos run checks, in the order they are asked; each call makes fresh
 * instances, as an invariant may keep state for its run. The run-level invariant {@code
 * same-seed-same-bytes} (a run made twice gives the same log) is checked by the campaign.
 */
public final class Invariants {

    /** The names, in order, as reports and docs list them. */
    public static final List<String> NAMES = List.of(ReservedResources.NAME, HostPorts.NAME, ForwardOnly.NAME,
            CrashedNodeIdle.NAME, UniqueAddresses.NAME, NoTaskLost.NAME, Convergence.NAME, OneOrdinalAtATime.NAME,
            SingleWriterVolumes.NAME);

    private Invariants() {}

    public static List<Invariant> all(ChaosContext context) {
        return List.of(
                new ReservedResources(),
                new HostPorts(),
                new ForwardOnly(),
                new CrashedNodeIdle(),
                new UniqueAddresses(),
                new NoTaskLost(context.bound()),
                new Convergence(context),
                new OneOrdinalAtATime(),
                new SingleWriterVolumes());
    }
}
