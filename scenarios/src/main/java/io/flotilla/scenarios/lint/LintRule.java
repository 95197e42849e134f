package io.flotilla.scenarios.lint;

import java.util.Optional;

/** One practice: checks one service and says where and why it does not follow it. */
public interface LintRule {

    /** A short name, printed after the warning: {@code root-user}. */
    String id();

    Optional<Finding> check(LintedService service);
}
