package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Strategy;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code --strategy}. */
final class Strategies {

    private Strategies() {}

    static Optional<Strategy> parse(String text, PrintWriter err) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Strategy.valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            err.println("flotilla: unknown strategy '" + text + "'; expected swarm or kubernetes");
            return Optional.empty();
        }
    }
}
