package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Platform;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.scheduler.placement.kubernetes.ModelTranslation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The parts of a compose {@code deploy} section that are settings records of the scheduler model:
 * {@code placement}, {@code restart_policy}, {@code update_config} and {@code rollback_config},
 * each starting from swarmkit's defaults.
 */
final class DeployParts {

    static final List<String> PLACEMENT_KEYS = List.of("constraints", "preferences", "max_replicas_per_node", "platforms");
    static final List<String> RESTART_KEYS = List.of("condition", "delay", "max_attempts", "window");
    static final List<String> UPDATE_KEYS =
            List.of("parallelism", "delay", "order", "failure_action", "monitor", "max_failure_ratio");

    static final Map<String, RestartPolicy.Condition> CONDITIONS = Values.choices(
            "none", RestartPolicy.Condition.NONE, "on-failure", RestartPolicy.Condition.ON_FAILURE,
            "any", RestartPolicy.Condition.ANY);
    static final Map<String, UpdateConfig.Order> ORDERS = Values.choices(
            "stop-first", UpdateConfig.Order.STOP_FIRST, "start-first", UpdateConfig.Order.START_FIRST);
    static final Map<String, UpdateConfig.FailureAction> FAILURE_ACTIONS = Values.choices(
            "pause", UpdateConfig.FailureAction.PAUSE, "continue", UpdateConfig.FailureAction.CONTINUE,
            "rollback", UpdateConfig.FailureAction.ROLLBACK);
    /** A rollback is never rolled back (swarmkit), so rollback_config offers only these. */
    static final Map<String, UpdateConfig.FailureAction> ROLLBACK_FAILURE_ACTIONS = Values.choices(
            "pause", UpdateConfig.FailureAction.PAUSE, "continue", UpdateConfig.FailureAction.CONTINUE);

    static final String MAX_FAILURE_RATIO = "TaskSpec: update-maxfailureratio cannot be less than 0 or bigger than 1";

    static final String KUBERNETES_CANNOT = "the kubernetes strategy cannot run this: ";

    private DeployParts() {}

    static Placement placement(Fields f, boolean global) {
        List<String> constraints = new ArrayList<>();
        for (Node item : f.list("constraints")) {
            Values.string(item, "constraints", f.problems()).ifPresent(c -> {
                ConstraintSyntax.check(c).ifPresentOrElse(error -> f.problems().add(item, error), () -> constraints.add(c));
                ModelTranslation.untranslatableConstraint(c).ifPresent(why -> f.problems().addForKubernetes(item,
                        KUBERNETES_CANNOT + why));
            });
        }
        List<String> spread = new ArrayList<>();
        for (Node item : f.list("preferences")) {
            Fields.of(item, "preferences", "placement preference", f.problems(), List.of("spread"))
                    .flatMap(p -> p.required("spread").flatMap(n -> p.string("spread")))
                    .ifPresent(descriptor -> {
                        spread.add(descriptor);
                        ModelTranslation.untranslatableSpread(descriptor).ifPresent(why ->
                                f.problems().addForKubernetes(item, KUBERNETES_CANNOT + why));
                    });
        }
        int maxReplicas = f.integer("max_replicas_per_node", 0, 0, Integer.MAX_VALUE);
        if (global && f.has("max_replicas_per_node")) {
            f.problems().add(f.key("max_replicas_per_node").orElseThrow(),
                    "max_replicas_per_node can only be used with replicated mode");
        }
        List<Platform> platforms = new ArrayList<>();
        for (Node item : f.list("platforms")) {
            Fields.of(item, "platforms", "platform", f.problems(), PlatformBinder.KEYS)
                    .map(PlatformBinder::bind)
                    .ifPresent(platforms::add);
        }
        return new Placement(constraints, spread, maxReplicas, platforms);
    }

    static RestartPolicy restartPolicy(Fields f) {
        RestartPolicy d = RestartPolicy.DEFAULT;
        return new RestartPolicy(
                f.choice("condition", CONDITIONS, d.condition()),
                f.duration("delay", d.delayNanos()),
                f.integer("max_attempts", d.maxAttempts(), 0, Integer.MAX_VALUE),
                f.duration("window", d.windowNanos()));
    }

    /** {@code base} is where unset fields come from: swarmkit's defaults, or the service's own config for a timeline update. */
    static UpdateConfig updateConfig(Fields f, boolean rollback, UpdateConfig base) {
        double ratio = base.maxFailureRatio();
        Node ratioNode = f.value("max_failure_ratio").orElse(null);
        if (ratioNode != null) {
            if (Yaml.isScalar(ratioNode) && isNumber(Yaml.text(ratioNode)) && !Yaml.text(ratioNode).isBlank()) {
                ratio = Double.parseDouble(Yaml.text(ratioNode));
                if (ratio < 0 || ratio > 1) {
                    f.problems().add(ratioNode, MAX_FAILURE_RATIO);
                }
            } else {
                f.problems().add(ratioNode, "max_failure_ratio: expected a number from 0 to 1, got " + Yaml.describe(ratioNode));
            }
        }
        return new UpdateConfig(
                f.integer("parallelism", base.parallelism(), 0, Integer.MAX_VALUE),
                f.duration("delay", base.delayNanos()),
                f.choice("failure_action", rollback ? ROLLBACK_FAILURE_ACTIONS : FAILURE_ACTIONS, base.failureAction()),
                f.duration("monitor", base.monitorNanos()),
                ratio,
                f.choice("order", ORDERS, base.order()));
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?|-?\\.\\d+");
    }
}
