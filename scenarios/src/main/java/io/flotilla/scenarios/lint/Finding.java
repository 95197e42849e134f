package io.flotilla.scenarios.lint;

import io.flotilla.scenarios.model.Severity;
import io.flotilla.scenarios.model.SourcePos;
import java.util.Optional;

/**
 * A practice not followed, at the place that shows it; {@code rule} names the rule, such as
 * {@code root-user}. {@code severity} is the worst known vulnerability a scan found, for a scan
 * gate ({@code validate --fail-on}); the other rules have none.
 */
public record Finding(SourcePos at, String rule, String message, Optional<Severity> severity) {

    /** A finding that is not a scan's. */
    public Finding(SourcePos at, String rule, String message) {
        this(at, rule, message, Optional.empty());
    }

    /** The warning as {@code validate --lint} prints it after {@code FILE:LINE:COLUMN: }. */
    public String text() {
        return "warning: " + message + " [" + rule + "]";
    }
}
