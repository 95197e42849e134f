package io.flotilla.scheduler.admission.kubernetes;

import java.util.List;

/** Upstream's {@code helpers.go}: how the checks quote names and count them in words. */
final class Wording {

    private Wording() {}

    /** {@code "a", "b"}; nothing for no items. */
    static String joinQuote(List<String> items) {
        return items.isEmpty() ? "" : "\"" + String.join("\", \"", items) + "\"";
    }

    static String pluralize(String singular, String plural, int count) {
        return count == 1 ? singular : plural;
    }

    /** {@code container "web"} or {@code containers "web", "sidecar"}. */
    static String containers(List<String> names) {
        return pluralize("container", "containers", names.size()) + " " + joinQuote(names);
    }
}
