package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Strategy;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code --strategy} and says which strategies this build can run: both built-in ones. */
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

    /** Whether this build runs the strategy; the commands that run scenarios ask here, and would print why not to {@code err}. */
    static boolean supported(Strategy strategy, PrintWriter err) {
        return true;
    }
}
