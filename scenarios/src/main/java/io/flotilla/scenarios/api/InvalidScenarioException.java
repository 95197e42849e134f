package io.flotilla.scenarios.api;

import java.util.List;

/** A scenario with problems; each is {@code FILE:LINE:COLUMN: message}. */
public final class InvalidScenarioException extends RuntimeException {

    private final List<String> problems;

    InvalidScenarioException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
