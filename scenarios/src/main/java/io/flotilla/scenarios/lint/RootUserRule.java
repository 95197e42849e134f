package io.flotilla.scenarios.lint;

import java.util.Optional;

/**
 * "Run containers as non-root users": a service without {@code user} runs as the image's user,
 * root for most images, and one with {@code user: root} or {@code 0} says so.
 */
public final class RootUserRule implements LintRule {

    @Override
    public String id() {
        return "root-user";
    }

    @Override
    public Optional<Finding> check(LintedService s) {
        Optional<String> user = s.spec().task().security().user();
        if (user.isEmpty()) {
            return Optional.of(new Finding(s.at(), id(), "service '" + s.name()
                    + "' runs as root: it names no user; run containers as non-root users, such as user: \"1000\""));
        }
        String uid = user.get().split(":", 2)[0];
        if (uid.equals("0") || uid.equals("root")) {
            return Optional.of(new Finding(s.where("user"), id(), "service '" + s.name() + "' runs as root (user: "
                    + user.get() + "); run containers as non-root users, such as user: \"1000\""));
        }
        return Optional.empty();
    }
}
