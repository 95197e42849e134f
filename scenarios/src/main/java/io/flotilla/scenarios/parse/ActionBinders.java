package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.sim.cluster.ContainerVerb;
import java.util.List;
import java.util.Optional;

/**
 * Every timeline action the format knows, in the order messages list them ("expected one of
 * crash, restart, ..."). A new action is a record in {@code Action}, its binder, and one line here; a
 * key whose target (a node or a task) decides the action is a {@link NodeOrTaskBinder} of two.
 */
final class ActionBinders {

    static final List<ActionBinder> ALL = List.of(
            new CrashBinder(),
            new NodeOrTaskBinder(new RestartBinder(), new ContainerBinder(ContainerVerb.RESTART)),
            new AvailabilityBinder("drain", Availability.DRAIN),
            new NodeOrTaskBinder(new AvailabilityBinder("pause", Availability.PAUSE), new ContainerBinder(ContainerVerb.PAUSE)),
            new AvailabilityBinder("activate", Availability.ACTIVE),
            new PartitionBinder(),
            new HealBinder(),
            new ScaleBinder(),
            new UpdateBinder(),
            new KillTaskBinder(),
            new DeployBinder(),
            new LinkBinder(false),
            new LinkBinder(true),
            new ZoneBinder(false),
            new ZoneBinder(true),
            new HealthBinder(false),
            new HealthBinder(true),
            new OutOfServiceBinder(),
            new ForceDeleteBinder(),
            new BackupBinder(),
            new RestoreBinder(),
            new ContainerBinder(ContainerVerb.STOP),
            new ContainerBinder(ContainerVerb.START),
            new ContainerBinder(ContainerVerb.UNPAUSE),
            new ContainerBinder(ContainerVerb.REMOVE),
            new RegistryBinder(false),
            new RegistryBinder(true),
            new VolumePruneBinder(),
            new FirewallBinder());

    /** The keys that introduce an action, in order. */
    static final List<String> KEYWORDS = ALL.stream().map(ActionBinder::keyword).toList();

    private ActionBinders() {}

    static Optional<ActionBinder> of(String keyword) {
        return ALL.stream().filter(b -> b.keyword().equals(keyword)).findFirst();
    }
}
