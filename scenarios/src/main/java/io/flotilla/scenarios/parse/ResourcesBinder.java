package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.model.Resources;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code {cpus, memory, generic: {gpu: 1}}}, for what a node offers and for what a task reserves
 * or is limited to. The checks differ: a node must offer some CPU when it says so; a task's
 * amounts follow swarmkit's {@code validateResources} (at least 0.001 CPU and 4MiB when set).
 */
final class ResourcesBinder {

    static final List<String> KEYS = List.of("cpus", "memory", "generic");
    private static final long MIN_TASK_NANO_CPUS = 1_000_000L;
    private static final long MIN_TASK_MEMORY = 4L * 1024 * 1024;

    private ResourcesBinder() {}

    static Resources node(Fields res) {
        long cpus = res.cpus("cpus").orElse(0);
        res.value("cpus").ifPresent(n -> {
            if (Yaml.isScalar(n) && Quantities.nanoCpus(Yaml.text(n)).orElse(1) == 0) {
                res.problems().add(n, "cpus: a node's cpus must be more than 0");
            }
        });
        long memory = res.size("memory").orElse(0);
        res.value("memory").ifPresent(n -> {
            if (Yaml.isScalar(n) && Quantities.bytes(Yaml.text(n)).orElse(1) == 0) {
                res.problems().add(n, "memory: a node's memory must be more than 0");
            }
        });
        return new Resources(cpus, memory, generic(res));
    }

    static Resources task(Fields res) {
        long cpus = res.cpus("cpus").orElse(0);
        if (cpus != 0 && cpus < MIN_TASK_NANO_CPUS) {
            res.problems().add(res.value("cpus").orElseThrow(),
                    "invalid cpu value " + GoFloat.g(cpus / 1e9) + ": Must be at least " + GoFloat.g(MIN_TASK_NANO_CPUS / 1e9));
        }
        long memory = res.size("memory").orElse(0);
        if (memory != 0 && memory < MIN_TASK_MEMORY) {
            res.problems().add(res.value("memory").orElseThrow(),
                    "invalid memory value " + memory + ": Must be at least 4MiB");
        }
        return new Resources(cpus, memory, generic(res));
    }

    private static TreeMap<String, Long> generic(Fields res) {
        TreeMap<String, Long> out = new TreeMap<>();
        res.section("generic", "generic", null).ifPresent(g -> {
            for (Fields.Entry e : g.entries()) {
                Values.integer(e.value(), e.name(), 0, Long.MAX_VALUE, res.problems()).ifPresent(v -> out.put(e.name(), v));
            }
        });
        return out;
    }
}
