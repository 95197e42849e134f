package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the tasks of one (service, spec version) ask of a node, worked out once from the spec so that
 * the filters stay stateless and the inner loop parses nothing. A constraint that does not parse
 * disables the constraint filter, as in swarmkit (the control API rejects such specs earlier).
 */
record TaskDemand(
        String service,
        int serviceIndex,
        int specVersion,
        TaskSpec spec,
        Usage usage,
        List<Constraint> constraints,
        List<Platform> platforms,
        int maxReplicas,
        List<SpreadLevel> spread) {

    static TaskDemand of(Task task, Symbols symbols, Usage usage) {
        TaskSpec spec = task.spec();
        Placement placement = spec.placement() == null ? Placement.NONE : spec.placement();
        Constraint.ParseResult parsed = Constraint.parse(placement.constraints());
        List<SpreadLevel> spread = new ArrayList<>();
        for (String descriptor : placement.spreadPreferences()) {
            SpreadLevel.of(descriptor).ifPresent(spread::add);
        }
        return new TaskDemand(
                task.service(),
                symbols.service(task.service()),
                task.specVersion(),
                spec,
                usage,
                parsed.constraints(),
                placement.platforms(),
                placement.maxReplicas(),
                List.copyOf(spread));
    }

    /**
     * One level of the spread tree. Only {@code node.labels.*} and {@code engine.labels.*} descriptors
     * make a level; swarmkit skips any other descriptor.
     */
    record SpreadLevel(boolean engine, String label) {

        static Optional<SpreadLevel> of(String descriptor) {
            if (Constraint.hasPrefix(descriptor, Constraint.NODE_LABEL_PREFIX)) {
                return Optional.of(
                        new SpreadLevel(false, descriptor.substring(Constraint.NODE_LABEL_PREFIX.length())));
            }
            if (Constraint.hasPrefix(descriptor, Constraint.ENGINE_LABEL_PREFIX)) {
                return Optional.of(
                        new SpreadLevel(true, descriptor.substring(Constraint.ENGINE_LABEL_PREFIX.length())));
            }
            return Optional.empty();
        }

        /** The node's branch at this level: its label value, or "" when it has none. */
        String branchOf(NodeSpec node) {
            String v = (engine ? node.engineLabels() : node.labels()).get(label);
            return v == null ? "" : v;
        }
    }
}
