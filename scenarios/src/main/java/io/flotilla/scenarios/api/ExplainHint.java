package io.flotilla.scenarios.api;

import io.flotilla.scenarios.expect.Views;
import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.Expectation;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.TrafficCounted;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.TaskView;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command that shows why an expectation failed: {@code ./flotilla explain FILE --task web.3 --at 4m}
 * for a check about tasks (the task it names, or the first of its service that is pending or not
 * running then), {@code --request CLIENT --at T} for traffic (the first second with a failed request),
 * and otherwise {@code ./flotilla run FILE --report run.html}, the run to look at.
 */
final class ExplainHint {

    private ExplainHint() {}

    static String of(Path file, Expectation e, RunResult run) {
        long at = e.effectiveAt(run.end());
        String prefix = "./flotilla explain " + file;
        String options = options(run);
        Optional<String> task = task(e.check(), run, at);
        if (task.isPresent()) {
            return prefix + " --task " + task.get() + " --at " + Durations.format(at) + options;
        }
        if (e.check() instanceof Check.Traffic t) {
            long from = t.between().map(Check.Traffic.Span::from).orElse(0L);
            long to = t.between().map(Check.Traffic.Span::to).orElse(at);
            Optional<Long> failedAt = run.log().eventsOf(TrafficCounted.class).stream()
                    .filter(w -> w.client().equals(t.client()) && w.from() >= from && w.from() < to)
                    .filter(w -> w.failed().values().stream().mapToLong(Long::longValue).sum() > 0)
                    .map(TrafficCounted::from)
                    .findFirst();
            return prefix + " --request " + t.client() + " --at " + Durations.format(failedAt.orElse(from)) + options;
        }
        return "./flotilla run " + file + " --report run.html" + options + "   (the run, to scrub to " + Durations.format(at) + ")";
    }

    /** {@code --strategy} and {@code --seed} when the run did not use the file's own. */
    private static String options(RunResult run) {
        Scenario s = run.scenario();
        return (run.strategy() != s.strategy() ? " --strategy " + run.strategy().name().toLowerCase(Locale.ROOT) : "")
                + (run.seed() != s.seed() ? " --seed " + run.seed() : "");
    }

    /** The task whose placement would tell why the check failed, if the check is about tasks. */
    private static Optional<String> task(Check check, RunResult run, long at) {
        if (check instanceof Check.On on) {
            return on.nodes().keySet().stream().findFirst();
        }
        if (check instanceof Check.Image image && !image.tasks().isEmpty()) {
            return image.tasks().keySet().stream().findFirst();
        }
        if (check instanceof Check.Happened h && h.task().isPresent()) {
            return h.task();
        }
        Optional<String> service = service(check);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        ClusterView view = Views.initial(run.scenario());
        view.applyUntil(run.log(), 0, at);
        List<TaskView> tasks = view.newestTasks().stream().filter(t -> t.service.equals(service.get())).toList();
        Optional<TaskView> notRunning = tasks.stream().filter(t -> !t.isRunning()).findFirst();
        return notRunning.or(() -> tasks.stream().findFirst()).map(t -> t.name);
    }

    private static Optional<String> service(Check check) {
        if (check instanceof Check.Running c) {
            return c.counts().keySet().stream().findFirst();
        }
        if (check instanceof Check.PlacementCheck c) {
            return c.counts().keySet().stream().findFirst();
        }
        if (check instanceof Check.Spread c) {
            return c.wanted().keySet().stream().findFirst();
        }
        if (check instanceof Check.Pending c) {
            return c.counts().keySet().stream().findFirst();
        }
        if (check instanceof Check.Image c) {
            return c.services().keySet().stream().findFirst();
        }
        if (check instanceof Check.Happened c) {
            return c.service();
        }
        return Optional.empty();
    }
}
