package io.flotilla.scenarios.lint;

import java.util.Optional;

/** "Use read-only file systems": a service without {@code read_only: true} can write to its image's files. */
public final class WritableRootFilesystemRule implements LintRule {

    @Override
    public String id() {
        return "writable-root";
    }

    @Override
    public Optional<Finding> check(LintedService s) {
        if (s.spec().task().security().readOnly()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(s.where("read_only"), id(), "service '" + s.name()
                + "' has a writable root filesystem; use read-only file systems (read_only: true)"));
    }
}
