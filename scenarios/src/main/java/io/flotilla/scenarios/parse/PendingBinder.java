package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** {@code pending: {big: 3}}, with an optional {@code reason} beside it in the same item. */
final class PendingBinder implements CheckBinder {

    public String keyword() {
        return "pending";
    }

    public Class<? extends Check> kind() {
        return Check.Pending.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        return scope.counts(value, keyword()).map(c -> new Check.Pending(c, scope.item.string("reason")));
    }
}
