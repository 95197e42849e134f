package io.flotilla.scheduler.storage;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statefulset whose application replicates its data asynchronously, as PostgreSQL streaming
 * replication or MySQL replicas do: ordinal 0 ({@code <set>-0}) is the primary, the only writer,
 * and every other ordinal keeps in its own volume of each claim template ({@code <template>-<set>-N})
 * a copy of the primary's writes, {@code lagNanos} behind. The orchestrator has no part in it, so it
 * is the same under every strategy.
 */
public record Replication(String set, List<String> templates, long lagNanos) {

    public Replication {
        templates = List.copyOf(templates);
        if (lagNanos < 0) {
            throw new IllegalArgumentException("a replication lag is not negative: " + lagNanos);
        }
    }

    /** The primary's lineage: ordinal 0. */
    public String primary() {
        return set + "-0";
    }

    /** The primary's volume of {@code template}: the one the replicas of that template copy. */
    public String primaryVolume(String template) {
        return template + "-" + primary();
    }

    /** The replica lineage ({@code <set>-N}, N at least 1) whose volume of {@code template} {@code volume} is, if it is one. */
    public Optional<String> replicaOf(String template, String volume) {
        Matcher m = Pattern.compile(Pattern.quote(template + "-" + set + "-") + "([1-9][0-9]*)").matcher(volume);
        return m.matches() ? Optional.of(set + "-" + m.group(1)) : Optional.empty();
    }
}
