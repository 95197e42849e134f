package io.flotilla.scenarios.chaos;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.parse.ParseOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import io.flotilla.scenarios.chaos.invariants.Invariants;

/**
 * Makes a failing run's file smaller while the same invariant still breaks: fewer timeline items
 * (delta debugging, Zeller's ddmin: drop halves, then quarters, ... then single items), then fewer
 * nodes (a whole entry, or one less of its {@code count}), fewer services and fewer traffic
 * clients, and the timeline once more, as removing a node frees the items that named it. A
 * candidate that does not parse (an item naming a node that is gone) simply fails. At most
 * {@code budget} candidate runs.
 */
public final class Shrinker {

    private final Strategy strategy;
    private final String invariant;
    private final Function<ChaosContext, List<Invariant>> invariants;
    private int budget;
    private int tried;

    private Shrinker(Strategy strategy, String invariant, int budget, Function<ChaosContext, List<Invariant>> invariants) {
        this.strategy = strategy;
        this.invariants = invariants;
        this.invariant = invariant;
        this.budget = budget;
    }

    /** What is left: the smallest file found, its violation, and how many runs it took. */
    public record Shrunk(ChaosDocument document, Violation violation, int runs) {}

    public static Shrunk shrink(ChaosDocument failing, Strategy strategy, Violation violation, int budget) {
        return shrink(failing, strategy, violation, budget, Invariants::all);
    }

    /** The same, judging candidates by {@code invariants} instead of every invariant. */
    public static Shrunk shrink(ChaosDocument failing, Strategy strategy, Violation violation, int budget,
            Function<ChaosContext, List<Invariant>> invariants) {
        Shrinker s = new Shrinker(strategy, violation.invariant(), budget, invariants);
        ChaosDocument best = failing.copy();
        Violation last = violation;
        for (int round = 0; round < 3; round++) {
            int before = s.tried;
            best = s.timeline(best);
            best = s.entries(best, "nodes");
            best = s.entries(best, "services");
            best = s.entries(best, "traffic");
            if (s.tried == before || s.budget <= 0) {
                break;
            }
        }
        Optional<Violation> confirmed = s.failure(best);
        return new Shrunk(best, confirmed.orElse(last), s.tried);
    }

    /** The run of {@code doc} breaks the same invariant. */
    private Optional<Violation> failure(ChaosDocument doc) {
        ParseOutcome parsed = doc.parse("shrinking.yaml");
        if (!parsed.isValid() || parsed.scenario().isEmpty()) {
            return Optional.empty();
        }
        Scenario scenario = parsed.scenario().get();
        if (scenario.unrunnableUnder(strategy).isPresent()) {
            return Optional.empty();
        }
        tried++;
        budget--;
        return CheckedRun.of(scenario, strategy, invariants).violation().filter(v -> v.invariant().equals(invariant));
    }

    private boolean fails(ChaosDocument doc) {
        return budget > 0 && failure(doc).isPresent();
    }

    private ChaosDocument timeline(ChaosDocument doc) {
        List<Object> items = new ArrayList<>(doc.timeline());
        int n = 2;
        while (items.size() >= 1 && budget > 0) {
            int chunk = (int) Math.ceil(items.size() / (double) n);
            boolean reduced = false;
            for (int start = 0; start < items.size() && budget > 0; start += chunk) {
                List<Object> complement = new ArrayList<>(items.subList(0, start));
                complement.addAll(items.subList(Math.min(items.size(), start + chunk), items.size()));
                ChaosDocument candidate = withTimeline(doc, complement);
                if (fails(candidate)) {
                    items = complement;
                    doc = candidate;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (chunk == 1) {
                    break;
                }
                n = Math.min(items.size(), n * 2);
            }
        }
        return doc;
    }

    private static ChaosDocument withTimeline(ChaosDocument doc, List<Object> items) {
        ChaosDocument copy = doc.copy();
        if (items.isEmpty()) {
            copy.root().remove("timeline");
        } else {
            copy.root().put("timeline", new ArrayList<>(items));
        }
        return copy;
    }

    /** Drops entries of a top-level list ({@code nodes}, {@code traffic}) or mapping ({@code services}) one by one. */
    @SuppressWarnings("unchecked")
    private ChaosDocument entries(ChaosDocument doc, String key) {
        Object section = doc.root().get(key);
        if (section instanceof List<?> list) {
            for (int i = list.size() - 1; i >= 0 && budget > 0; i--) {
                ChaosDocument candidate = doc.copy();
                List<Object> l = (List<Object>) candidate.root().get(key);
                Object entry = l.get(i);
                if (entry instanceof Map<?, ?> m && m.get("count") instanceof Integer c && c > 1) {
                    ((Map<String, Object>) entry).put("count", c - 1);
                } else {
                    l.remove(i);
                }
                if (fails(candidate)) {
                    doc = candidate;
                    section = doc.root().get(key);
                    i = ((List<?>) section).size();
                }
            }
        } else if (section instanceof Map<?, ?> map) {
            for (String name : new ArrayList<>(((Map<String, Object>) map).keySet())) {
                if (budget <= 0) {
                    break;
                }
                ChaosDocument candidate = doc.copy();
                ((Map<String, Object>) candidate.root().get(key)).remove(name);
                if (fails(candidate)) {
                    doc = candidate;
                }
            }
        }
        return doc;
    }
}
