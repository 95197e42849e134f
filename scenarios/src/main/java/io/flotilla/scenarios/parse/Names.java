package io.flotilla.scenarios.parse;

import java.util.regex.Pattern;

/** The shapes of the names a scenario gives, and the words used when one is wrong. */
final class Names {

    /** Scenario names: letters, digits and '-' (the contract). */
    static final Pattern SCENARIO = Pattern.compile("[A-Za-z0-9-]+");

    /** Node names are hostnames: letters, digits, '.', '-', '_', starting and ending with a letter or digit. */
    static final Pattern NODE = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");

    /**
     * Services and statefulsets: a DNS label (swarmkit requires service names to be valid DNS name
     * components), so no dot: a dot separates the service from the slot in a task name.
     */
    static final Pattern WORKLOAD = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?");

    /** Network, storage class and image names: anything printable without spaces. */
    static final Pattern PLAIN = Pattern.compile("[^\\s]+");

    static final String NODE_RULE = "letters, digits, '.', '-' and '_', starting and ending with a letter or digit";
    static final String WORKLOAD_RULE = "a DNS label: up to 63 letters, digits, '-' and '_', starting and ending with a letter or digit";

    private Names() {}
}
