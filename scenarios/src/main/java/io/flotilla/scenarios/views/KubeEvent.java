package io.flotilla.scenarios.views;

/**
 * One Kubernetes event about a pod, after the event correlator folded its repeats into it:
 * {@code count} occurrences from {@code first} to {@code last} (virtual nanoseconds).
 */
public record KubeEvent(String type, String reason, String from, String message, long first, long last, int count) {

    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";

    KubeEvent again(long time) {
        return new KubeEvent(type, reason, from, message, first, time, count + 1);
    }

    boolean sameAs(String otherType, String otherReason, String otherFrom, String otherMessage) {
        return type.equals(otherType) && reason.equals(otherReason) && from.equals(otherFrom) && message.equals(otherMessage);
    }
}
