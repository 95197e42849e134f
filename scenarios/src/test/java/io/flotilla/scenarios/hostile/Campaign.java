package io.flotilla.scenarios.hostile;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * A property campaign: {@code tries} inputs drawn from a generator, each judged by {@link Verdict},
 * every failure kept (one example per kind of failure), and the test failed at the end with the
 * smallest input of each kind.
 *
 * <p>Small by default, so that CI runs it in seconds; {@code -Dflotilla.hostile.tries=N} runs N
 * tries per property and {@code -Dflotilla.hostile.seed=S} another sequence (the default seed is
 * fixed, so a CI failure repeats). Try {@code i} of property {@code p} draws from a random stream
 * seeded by the seed, {@code p} and {@code i} alone, so a failure names the one try to repeat:
 * {@code -Dflotilla.hostile.only=i}. Failing inputs are written to {@code target/hostile/}.
 */
final class Campaign {

    /** One generated input: a file's name (with the generator's words for what it did) and its text. */
    record Input(String what, String yaml) {}

    static final String TRIES = "flotilla.hostile.tries";
    static final String SEED = "flotilla.hostile.seed";
    static final String ONLY = "flotilla.hostile.only";

    private Campaign() {}

    static int tries(int byDefault) {
        return Integer.getInteger(TRIES, byDefault);
    }

    static long seed() {
        return Long.getLong(SEED, 20261205L);
    }

    /** Runs {@code tries} inputs of {@code generator} through {@link Verdict#judge}; fails with every kind of failure. */
    static void run(String property, int defaultTries, BiFunction<Integer, Random, Input> generator) {
        int tries = tries(defaultTries);
        java.util.Arrays.fill(Verdict.TALLY, 0);
        Optional<Integer> only = Optional.ofNullable(Integer.getInteger(ONLY));
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            if (only.isPresent() && only.get() != i) {
                continue;
            }
            Random random = new Random(seed() * 31 + property.hashCode() * 1_000_003L + i);
            Input input = generator.apply(i, random);
            Optional<String> failure = Verdict.judge(input.what(), input.yaml());
            if (failure.isPresent()) {
                String kind = kind(failure.get());
                String seen = failures.get(kind);
                if (seen == null || input.yaml().length() < seen.length()) {
                    failures.put(kind, input.yaml());
                    save(property, i, input);
                    reports.add("try " + i + " (" + input.what() + "): " + failure.get() + "\n--- input ---\n"
                            + input.yaml() + "\n-------------");
                }
            }
        }
        System.out.printf("%s: %d tries, %d refused, %d valid and too big to run here, %d run (seed %d)%n", property,
                tries, Verdict.TALLY[0], Verdict.TALLY[1], Verdict.TALLY[2], seed());
        if (!failures.isEmpty()) {
            fail(property + ": " + failures.size() + " kind(s) of failure with seed " + seed() + " (repeat one with -D"
                    + ONLY + "=TRY)\n" + String.join("\n\n", reports));
        }
    }

    /** Failures of one kind share their first line without numbers (an exception and where it was thrown). */
    private static String kind(String failure) {
        String first = failure.lines().findFirst().orElse("");
        return first.replaceAll("\\d+", "N");
    }

    private static void save(String property, int i, Input input) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "hostile"));
            Files.writeString(dir.resolve(property + "-" + i + ".yaml"), input.yaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
