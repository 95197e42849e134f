package io.flotilla.scheduler.placement.kubernetes;

/** A node taint {@code key=value:Effect}; the value may be empty. */
public record Taint(String key, String value, TaintEffect effect) {

    /** {@code node.kubernetes.io/unschedulable:NoSchedule}, which a cordoned node behaves as if it had. */
    public static final Taint UNSCHEDULABLE = new Taint("node.kubernetes.io/unschedulable", "", TaintEffect.NO_SCHEDULE);

    /**
     * Parses {@code key=value:Effect} or {@code key:Effect}, the form {@code kubectl taint} takes.
     *
     * @throws IllegalArgumentException when the text has no effect or an unknown one
     */
    public static Taint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("taint without an effect: " + text);
        }
        String keyValue = text.substring(0, colon);
        TaintEffect effect = TaintEffect.parse(text.substring(colon + 1));
        int eq = keyValue.indexOf('=');
        return eq < 0
                ? new Taint(keyValue, "", effect)
                : new Taint(keyValue.substring(0, eq), keyValue.substring(eq + 1), effect);
    }

    @Override
    public String toString() {
        return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect.apiName();
    }
}
