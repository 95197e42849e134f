package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.model.HealthCheck;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A service's {@code healthcheck}, in compose's words. The check's command is never run: a task's
 * check passes until the timeline says {@code unhealthy} and passes again after {@code healthy}; what
 * the simulation honours is its timing. {@code disable: true}, or a {@code test} of {@code NONE},
 * turns it off; a zero duration or retry count means Docker's default, as in the engine API.
 */
final class HealthcheckBinder {

    static final List<String> KEYS =
            List.of("test", "interval", "timeout", "retries", "start_period", "start_interval", "disable");
    static final List<String> TEST_FORMS = List.of("NONE", "CMD", "CMD-SHELL");
    /** Docker's {@code containertypes.MinimumDuration}. */
    static final long MINIMUM_NANOS = 1_000_000L;

    private HealthcheckBinder() {}

    /** The check the service's tasks run, or empty when it is turned off. */
    static Optional<HealthCheck> bind(Fields f) {
        boolean off = f.bool("disable", false);
        Optional<String> form = f.value("test").flatMap(t -> testForm(t, f.problems()));
        if (off && form.isPresent() && !form.get().equals("NONE")) {
            f.problems().add(f.key("disable").orElseThrow(), "healthcheck: disable is true, but a test is given; keep one");
        }
        f.key("start_interval").ifPresent(k -> f.problems().notSimulated(k, "start_interval",
                "a start interval (probes during the start period run every interval)"));
        HealthCheck d = HealthCheck.DOCKER_DEFAULTS;
        long interval = duration(f, "interval", "Interval", d.intervalNanos());
        long timeout = duration(f, "timeout", "Timeout", d.timeoutNanos());
        long startPeriod = duration(f, "start_period", "StartPeriod", d.startPeriodNanos());
        int retries = f.integer("retries", (long) Integer.MIN_VALUE, Integer.MAX_VALUE)
                .filter(r -> {
                    if (r < 0) {
                        f.problems().add(f.value("retries").orElseThrow(), "Retries in Healthcheck cannot be negative");
                        return false;
                    }
                    return true;
                })
                .map(r -> r == 0 ? d.retries() : r.intValue())
                .orElse(d.retries());
        if (off || form.filter("NONE"::equals).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new HealthCheck(interval, timeout, retries, startPeriod,
                f.value("test").map(HealthcheckBinder::command).orElse(List.of())));
    }

    /** The process a {@code test} runs: a string or {@code CMD-SHELL} through the shell, {@code CMD} as it is. */
    private static List<String> command(Node test) {
        if (!(test instanceof SequenceNode seq)) {
            return Yaml.isScalar(test) ? List.of("/bin/sh", "-c", Yaml.text(test)) : List.of();
        }
        List<String> words = seq.getValue().stream().filter(Yaml::isScalar).map(Yaml::text).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> rest = words.subList(1, words.size());
        return words.get(0).equals("CMD-SHELL") ? List.of("/bin/sh", "-c", String.join(" ", rest)) : rest;
    }

    /**
     * {@code test}: a string is run by the shell ({@code CMD-SHELL}); a list starts with {@code NONE},
     * {@code CMD} or {@code CMD-SHELL}. The form, or empty after a report.
     */
    private static Optional<String> testForm(Node test, Problems problems) {
        if (!(test instanceof SequenceNode)) {
            return Values.string(test, "test", problems).map(t -> "CMD-SHELL");
        }
        List<Node> items = Values.list(test, "test", problems);
        if (items.isEmpty()) {
            problems.add(test, "test: expected a command, or a list starting with NONE, CMD or CMD-SHELL; got an empty list");
            return Optional.empty();
        }
        Optional<String> first = Values.string(items.get(0), "test", problems);
        if (first.isPresent() && !TEST_FORMS.contains(first.get())) {
            problems.add(items.get(0), "test: a list starts with NONE, CMD or CMD-SHELL, got " + Yaml.quote(first.get())
                    + Suggestions.didYouMean(first.get(), TEST_FORMS));
            return Optional.empty();
        }
        return first;
    }

    /** A duration where 0 means Docker's default and anything else must be at least 1ms (the engine's words). */
    private static long duration(Fields f, String key, String apiName, long fallback) {
        OptionalLong value = f.duration(key);
        if (value.isEmpty() || value.getAsLong() == 0) {
            return fallback;
        }
        if (value.getAsLong() < MINIMUM_NANOS) {
            f.problems().add(f.value(key).orElseThrow(), apiName + " in Healthcheck cannot be less than 1ms");
            return fallback;
        }
        return value.getAsLong();
    }
}
