package io.flotilla.scenarios.lint;

import java.util.Optional;

/**
 * "Drop unnecessary capabilities": without {@code cap_drop: [ALL]} a container keeps every
 * capability Docker grants by default (CHOWN, NET_RAW, SETUID and more).
 */
public final class DefaultCapabilitiesRule implements LintRule {

    @Override
    public String id() {
        return "capabilities";
    }

    @Override
    public Optional<Finding> check(LintedService s) {
        if (s.spec().task().security().dropsAll()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(s.where("cap_drop"), id(), "service '" + s.name()
                + "' keeps all of Docker's default capabilities; drop unnecessary capabilities (cap_drop: [ALL], then "
                + "cap_add only what it needs)"));
    }
}
