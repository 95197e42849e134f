package io.flotilla.scenarios.model;

import java.util.Locale;

/**
 * How bad a known vulnerability is, in the scanners' words ({@code docker scout}'s and Trivy's
 * low, medium, high and critical, from CVSS), least to worst: {@code compareTo} orders them so.
 */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** As a file writes it and a scanner prints it: {@code critical}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is {@code threshold} or worse: what a scan gate such as {@code --fail-on high} asks. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }
}
