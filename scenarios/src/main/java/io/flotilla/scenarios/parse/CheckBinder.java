package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * How one kind of expectation check is read from a file: the key that introduces it and the
 * reading of its value, against the names of the expectation's moment. The check itself (how it is
 * evaluated) is its {@link Check} record.
 */
interface CheckBinder {

    /** The key that introduces the check in an expectation. */
    String keyword();

    /** The record this binder makes, so that a test can find a binder for every kind of check. */
    Class<? extends Check> kind();

    /** The check written as {@code value}, or empty; every problem is reported at its position. */
    Optional<Check> bind(Node value, ExpectationScope scope);
}
