package io.flotilla.scenarios.lint;

import io.flotilla.scenarios.model.SourcePos;

/** A practice not followed, at the place that shows it; {@code rule} names the rule, such as {@code root-user}. */
public record Finding(SourcePos at, String rule, String message) {

    /** The warning as {@code validate --lint} prints it after {@code FILE:LINE:COLUMN: }. */
    public String text() {
        return "warning: " + message + " [" + rule + "]";
    }
}
