package io.flotilla.scenarios.cli;

/** The command line's exit statuses, as SCENARIO-FORMAT.md fixes them. */
final class ExitCodes {
    static final int PASSED = 0;
    static final int EXPECTATION_FAILED = 1;
    /** A view's cluster could not answer, as the real tool would fail (no raft leader, no such pod). */
    static final int NO_ANSWER = 1;
    /** {@code validate --fail-on}: a service's image has a known vulnerability at or above the threshold. */
    static final int SCAN_FAILED = 1;
    static final int INVALID_INPUT = 2;
    static final int INTERNAL_ERROR = 3;

    private ExitCodes() {}
}
