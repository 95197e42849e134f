package io.flotilla.scenarios.lint;

import java.util.Optional;

/**
 * A service without a health check (or with it disabled) is running as long as its process is:
 * the orchestrator routes requests to it and a rolling update goes on, whether it answers or not.
 */
public final class NoHealthcheckRule implements LintRule {

    @Override
    public String id() {
        return "healthcheck";
    }

    @Override
    public Optional<Finding> check(LintedService s) {
        if (s.spec().task().healthcheck().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(s.where("healthcheck"), id(), "service '" + s.name()
                + "' has no health check: it counts as up as long as its process runs"));
    }
}
