package io.flotilla.scenarios.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.scenarios.cli.Main;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.output.Printable;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.time.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * What may come of any input, however hostile: {@code validate} exits 0 or 2 and prints only
 * {@code FILE:LINE:COLUMN: message} lines; a valid scenario small enough to run here runs, and
 * {@code run} exits 0, 1 or 2, its JSON parses back, its event log is one JSON object per line and
 * its timeline one line per change. Never an internal error, a stack trace or exit 3, and every
 * command ends within {@link #BOUND_SECONDS} (a guard against a hang, not a pause: nothing here waits
 * for time to pass).
 */
final class Verdict {

    static final long BOUND_SECONDS = 60;
    /** A run is only attempted below these sizes, so that a campaign stays in seconds. */
    static final int MAX_NODES = 12;
    static final long MAX_TASKS = 60;
    static final long MAX_UNTIL = 5 * Durations.MINUTE;
    static final double MAX_REQUESTS = 2_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExecutorService COMMANDS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-command");
        t.setDaemon(true);
        return t;
    });
    private static final Path DIR = directory();

    record Outcome(int code, String out, String err) {}

    /** How the inputs of a campaign fared: refused, valid but too big to run here, run. */
    static final int[] TALLY = new int[3];

    private Verdict() {}

    /** Empty when {@code yaml} was handled as it must be; otherwise what went wrong. */
    static Optional<String> judge(String what, String yaml) {
        Path file = DIR.resolve("hostile.yaml");
        Path events = DIR.resolve("events.jsonl");
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            Files.deleteIfExists(events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Outcome validate = command("validate", file.toString());
            Optional<String> wrong = problemsOnly(validate, file, List.of(0, 2));
            if (wrong.isPresent() || validate.code() != 0 || !small(file)) {
                TALLY[validate.code() != 0 ? 0 : 1]++;
                return wrong;
            }
            TALLY[2]++;
            Outcome run = command("run", file.toString(), "--json", "--events", events.toString());
            wrong = problemsOnly(run, file, List.of(0, 1, 2));
            if (wrong.isPresent() || run.code() == 2) {
                return wrong;
            }
            wrong = jsonResult(run.out()).or(() -> eventLog(events));
            if (wrong.isPresent()) {
                return wrong;
            }
            Outcome human = command("run", file.toString());
            return problemsOnly(human, file, List.of(run.code())).or(() -> timeline(human.out()));
        } catch (TimeoutException e) {
            return Optional.of("no answer within " + BOUND_SECONDS + "s (a hang?)");
        }
    }

    /** Runs one command line in this JVM, bounded. */
    static Outcome command(String... args) throws TimeoutException {
        Future<Outcome> future = COMMANDS.submit(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
            return new Outcome(code, out.toString(), err.toString());
        });
        try {
            return future.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            return new Outcome(-1, "", "thrown out of Main.execute: " + e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** The exit code is one of {@code codes}; stderr holds only positioned problems and warnings. */
    static Optional<String> problemsOnly(Outcome outcome, Path file, List<Integer> codes) {
        if (!codes.contains(outcome.code())) {
            return Optional.of("exit " + outcome.code() + ", expected one of " + codes + "\n" + outcome.err());
        }
        Pattern line = Pattern.compile(Pattern.quote(file.toString()) + ":\\d+:\\d+: .+");
        for (String l : outcome.err().lines().toList()) {
            if (l.contains("internal error") || l.contains("Exception") || l.startsWith("\tat ")) {
                return Optional.of("internal error: " + l);
            }
            if (!line.matcher(l).matches()) {
                return Optional.of("a line on stderr that is not FILE:LINE:COLUMN: message: " + l);
            }
        }
        if (outcome.code() == 2 && outcome.err().lines().noneMatch(l -> !l.contains(": warning: "))) {
            return Optional.of("exit 2 without a problem on stderr");
        }
        return Optional.empty();
    }

    /** Small enough to run in a campaign: a handful of nodes and tasks over a few minutes. */
    static boolean small(Path file) {
        ParseOutcome outcome = new ScenarioParser().parse(file);
        if (outcome.scenario().isEmpty()) {
            return false;
        }
        Scenario s = outcome.scenario().get();
        long tasks = 0;
        for (ServiceSpec service : s.services()) {
            tasks += service.mode() == ServiceMode.GLOBAL ? s.nodes().size() : service.replicas();
        }
        double requests = s.traffic().stream()
                .mapToDouble(t -> t.ratePerSecond() * Math.max(0, Math.min(s.until(), t.stop()) - t.start()) / 1e9)
                .sum();
        return s.nodes().size() <= MAX_NODES && tasks <= MAX_TASKS && s.until() <= MAX_UNTIL && requests <= MAX_REQUESTS;
    }

    static Optional<String> jsonResult(String out) {
        try {
            JsonNode root = JSON.readTree(out);
            return root != null && root.isObject() ? Optional.empty() : Optional.of("run --json printed no JSON object:\n" + out);
        } catch (IOException e) {
            return Optional.of("run --json printed invalid JSON: " + e.getMessage());
        }
    }

    /** One JSON object per line, each ended by a newline. */
    static Optional<String> eventLog(Path events) {
        try {
            String text = Files.readString(events, StandardCharsets.UTF_8);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                return Optional.of("the event log does not end with a line end");
            }
            for (String line : text.split("\n", -1)) {
                if (line.isEmpty()) {
                    continue;
                }
                JsonNode event = JSON.readTree(line);
                if (event == null || !event.isObject() || !event.has("seq")) {
                    return Optional.of("an event log line that is not one event: " + line);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("the event log is not JSON Lines: " + e.getMessage());
        }
    }

    /** No line of the human report holds a character that would not print as itself (a line end within a line, an escape). */
    static Optional<String> timeline(String out) {
        for (String line : out.split("\n", -1)) {
            if (!Printable.visible(line).equals(line)) {
                return Optional.of("the human report shows a control character raw: " + Printable.visible(line));
            }
        }
        return Optional.empty();
    }

    private static Path directory() {
        try {
            Path dir = Files.createTempDirectory("hostile");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
