package io.flotilla.scenarios.expect;

/** One expectation's outcome: where it is in the file, which check, when, and what was found. */
public record ExpectationResult(int line, String check, long at, boolean passed, String detail) {}
