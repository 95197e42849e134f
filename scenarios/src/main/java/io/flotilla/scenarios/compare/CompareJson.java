package io.flotilla.scenarios.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scheduler.time.Durations;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The {@code compare --json} document (shape in {@code docs/compare.md}): the same rows as the
 * table, keyed by strategy, with the median and range of each, and every run's own values.
 */
public final class CompareJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CompareJson() {}

    public static ObjectNode of(Comparison c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", c.scenario().name());
        root.put("until", Durations.format(c.scenario().until()));
        ArrayNode seeds = root.putArray("seeds");
        c.seeds().forEach(seeds::add);
        ArrayNode strategies = root.putArray("strategies");
        for (Comparison.Column col : c.columns()) {
            ObjectNode s = strategies.addObject();
            s.put("strategy", col.strategy().lowerName());
            s.put("runnable", col.runnable());
            s.put("reason", col.refusal().orElse(null));
        }
        ArrayNode faults = root.putArray("faults");
        for (int f = 0; f < c.faults().size(); f++) {
            int index = f;
            ObjectNode fault = faults.addObject();
            fault.put("at", Durations.format(c.faults().get(f).at()));
            fault.put("what", c.faults().get(f).what());
            for (Comparison.Column col : c.columns()) {
                summaries(fault, col, Row.fault(c.scenario()), run -> run.faults().get(index));
            }
        }
        ObjectNode whole = root.putObject("whole_run");
        for (Comparison.Column col : c.columns()) {
            summaries(whole, col, Row.RUN, run -> run);
        }
        ArrayNode runs = root.putArray("runs");
        for (Comparison.Column col : c.columns()) {
            for (RunMetrics run : col.runs()) {
                runs.add(run(col, run, c.scenario()));
            }
        }
        return root;
    }

    /** Under {@code parent}, the strategy's key: null when it could not run, else one summary per row. */
    private static <T> void summaries(ObjectNode parent, Comparison.Column col, List<Row<T>> rows, Function<RunMetrics, T> part) {
        if (!col.runnable()) {
            parent.putNull(col.strategy().lowerName());
            return;
        }
        ObjectNode values = parent.putObject(col.strategy().lowerName());
        for (Row<T> row : rows) {
            Summary s = row.summary(col.runs().stream().map(part).toList());
            ObjectNode o = values.putObject(row.key());
            put(o, "median", row, s.median());
            put(o, "min", row, s.min());
            put(o, "max", row, s.max());
        }
    }

    private static ObjectNode run(Comparison.Column col, RunMetrics run, Scenario scenario) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("strategy", col.strategy().lowerName());
        o.put("seed", run.seed());
        ArrayNode faults = o.putArray("faults");
        for (RunMetrics.FaultMetrics f : run.faults()) {
            ObjectNode fault = faults.addObject();
            for (Row<RunMetrics.FaultMetrics> row : Row.fault(scenario)) {
                put(fault, row.key(), row, row.value().apply(f));
            }
        }
        for (Row<RunMetrics> row : Row.RUN) {
            put(o, row.key(), row, row.value().apply(run));
        }
        ArrayNode pending = o.putArray("pending");
        for (RunMetrics.PendingTask p : run.pending()) {
            pending.addObject().put("task", p.task()).put("reason", p.reason());
        }
        return o;
    }

    private static void put(ObjectNode o, String key, Row<?> row, OptionalDouble value) {
        Optional<Object> v = row.json(value);
        if (v.isEmpty()) {
            o.putNull(key);
        } else if (v.get() instanceof String s) {
            o.put(key, s);
        } else if (v.get() instanceof Long l) {
            o.put(key, l);
        } else {
            o.put(key, (Double) v.get());
        }
    }

    public static String render(ObjectNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always renders", e);
        }
    }
}
