package io.flotilla.scenarios.parse;

import java.util.Optional;
import java.util.regex.Pattern;

/** The shapes of the names a scenario gives, and the words used when one is wrong. */
final class Names {

    /** Scenario names: letters, digits and '-' (the contract). */
    static final Pattern SCENARIO = Pattern.compile("[A-Za-z0-9-]+");

    /** Node names are hostnames: letters, digits, '.', '-', '_', starting and ending with a letter or digit. */
    static final Pattern NODE = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");

    /** A hostname, as Kubernetes reads a node's name (a DNS subdomain), is at most this long. */
    static final int NODE_MAX = 253;

    /**
     * Services and statefulsets: a DNS label (swarmkit requires service names to be valid DNS name
     * components), so no dot: a dot separates the service from the slot in a task name.
     */
    static final Pattern WORKLOAD = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?");

    /**
     * swarmkit's {@code isValidName} ({@code ^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$}) for the names of
     * services and networks, written without its nested repetition, which takes exponential time
     * to refuse a long name that ends badly.
     */
    static final Pattern SWARM = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?");

    /** swarmkit's limit on those names: DNS labels are limited to 63 characters. */
    static final int SWARM_MAX = 63;

    /**
     * Storage class and image names: anything printable without spaces; no control character, no
     * invisible formatting character (a right-to-left override), no line or paragraph separator.
     */
    static final Pattern PLAIN = Pattern.compile("[^\\s\\p{Z}\\p{Cc}\\p{Cf}\\p{Cs}]+");

    static final String NODE_RULE = "letters, digits, '.', '-' and '_', starting and ending with a letter or digit";
    static final String WORKLOAD_RULE = "a DNS label: up to 63 letters, digits, '-' and '_', starting and ending with a letter or digit";
    static final String SWARM_RULE = "letters, digits, '-' and '_', starting and ending with a letter or digit";

    private Names() {}

    /**
     * What is wrong with the name of a service or a network, in swarmkit's words
     * ({@code validateAnnotations} in manager/controlapi/common.go), or empty when it is valid.
     */
    static Optional<String> swarm(String name) {
        if (name.isEmpty()) {
            return Optional.of("meta: name must be provided");
        }
        if (!SWARM.matcher(name).matches()) {
            return Optional.of("name must be valid as a DNS name component");
        }
        if (name.length() > SWARM_MAX) {
            return Optional.of("name must be 63 characters or fewer");
        }
        return Optional.empty();
    }

    /** What is wrong with a node's name as written, and as long as {@code longest} makes it with a count suffix; or empty. */
    static Optional<String> node(String name, String longest) {
        if (!NODE.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a node name (" + NODE_RULE + ")");
        }
        if (longest.length() > NODE_MAX) {
            // Kubernetes' words for a DNS subdomain (IsDNS1123Subdomain), which its node names are.
            return Optional.of("'" + longest + "' is not a node name: must be no more than " + NODE_MAX + " characters");
        }
        return Optional.empty();
    }
}
