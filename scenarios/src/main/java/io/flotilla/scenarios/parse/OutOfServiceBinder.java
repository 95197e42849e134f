package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Strategy;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code out_of_service: worker-2}: a node of the cluster, to carry Kubernetes' out-of-service taint.
 * Swarm has no such taint (the nearest is {@code docker node rm --force}, which removes the node), so
 * a file with it is one the swarm strategy cannot run.
 */
final class OutOfServiceBinder implements ActionBinder {

    static final String UNDER_SWARM = "out_of_service: Swarm has no out-of-service taint (its nearest is docker node rm "
            + "--force, which removes the node); this is Kubernetes' node.kubernetes.io/out-of-service";

    public String keyword() {
        return "out_of_service";
    }

    public Class<? extends Action> kind() {
        return Action.OutOfService.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Optional<String> node = scope.node(value, keyword());
        scope.problems.addFor(Strategy.SWARM, scope.strategy, value, UNDER_SWARM);
        return node.map(Action.OutOfService::new);
    }
}
