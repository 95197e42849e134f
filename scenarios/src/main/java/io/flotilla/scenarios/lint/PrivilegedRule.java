package io.flotilla.scenarios.lint;

import java.util.Optional;

/** "Restrict privileges": a privileged container has every capability and the host's devices. */
public final class PrivilegedRule implements LintRule {

    @Override
    public String id() {
        return "privileged";
    }

    @Override
    public Optional<Finding> check(LintedService s) {
        if (!s.spec().task().security().privileged()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(s.where("privileged"), id(), "service '" + s.name()
                + "' is privileged: every capability and every device of its host; restrict privileges"));
    }
}
