package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.runtime.Application;
import io.flotilla.scheduler.runtime.MemoryUse;
import io.flotilla.scheduler.runtime.Sigterm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * An image's application, from its keys under {@code images}: {@code memory_use} (a size, or a
 * list of {@code {after, use}} steps of running time), {@code cpu_use} (the CPUs it needs to start
 * in its {@code start} time, and while it runs) and {@code sigterm} ({@code exit}, {@code die} or
 * {@code ignore}).
 */
final class ApplicationBinder {

    static final List<String> KEYS = List.of("memory_use", "cpu_use", "sigterm");
    static final List<String> STEP_KEYS = List.of("after", "use");
    static final Map<String, Sigterm> SIGTERMS =
            Values.choices("exit", Sigterm.EXIT, "die", Sigterm.DIE, "ignore", Sigterm.IGNORE);

    private ApplicationBinder() {}

    static Application of(Fields image) {
        MemoryUse memory = image.value("memory_use").map(n -> memoryUse(n, image.problems())).orElse(MemoryUse.NONE);
        OptionalLong cpus = image.cpus("cpu_use");
        if (cpus.isPresent() && cpus.getAsLong() <= 0) {
            image.problems().add(image.value("cpu_use").orElseThrow(), "cpu_use: must be more than 0");
        }
        long cpu = Math.max(0, cpus.orElse(0));
        Sigterm sigterm = image.choice("sigterm", SIGTERMS, Sigterm.EXIT);
        return new Application(memory, cpu, sigterm);
    }

    /** A size, or steps in order of {@code after}; a step's {@code after} is running time, the first may be 0. */
    private static MemoryUse memoryUse(Node value, Problems problems) {
        if (!(value instanceof SequenceNode)) {
            OptionalLong bytes = Values.size(value, "memory_use", problems);
            return bytes.isPresent() ? MemoryUse.constant(bytes.getAsLong()) : MemoryUse.NONE;
        }
        List<MemoryUse.Step> steps = new ArrayList<>();
        List<Node> items = Values.list(value, "memory_use", problems);
        if (items.isEmpty()) {
            problems.add(value, "memory_use: a list of steps needs at least one {after, use}");
        }
        long last = -1;
        for (Node item : items) {
            var step = Fields.of(item, "memory_use", "memory_use step", problems, STEP_KEYS);
            if (step.isEmpty()) {
                continue;
            }
            OptionalLong after = step.get().required("after").map(n -> Values.duration(n, "after", problems))
                    .orElse(OptionalLong.empty());
            OptionalLong use = step.get().required("use").map(n -> Values.size(n, "use", problems))
                    .orElse(OptionalLong.empty());
            if (after.isPresent() && after.getAsLong() <= last) {
                problems.add(step.get().value("after").orElseThrow(), "after: steps must come in order of after; "
                        + "this one is not after the one before it");
            } else if (after.isPresent() && use.isPresent()) {
                last = after.getAsLong();
                steps.add(new MemoryUse.Step(after.getAsLong(), use.getAsLong()));
            }
        }
        return new MemoryUse(steps);
    }
}
