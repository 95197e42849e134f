package io.flotilla.scenarios.chaos;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scheduler.time.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A scenario as a YAML tree (anchors and merge keys resolved), to write a run's own file: the
 * base with a seed, a strategy, an end and the schedule appended to its timeline; its {@code
 * expect} list is left out, as a chaos run judges by its invariants. The shrinker edits the same
 * tree. Every run parses its text back with {@link ScenarioParser}, so what ran is what is written.
 */
public final class ChaosDocument {

    private final Map<String, Object> root;

    private ChaosDocument(Map<String, Object> root) {
        this.root = root;
    }

    /** The tree of {@code text}, a scenario that parsed without problems. */
    @SuppressWarnings("unchecked")
    public static ChaosDocument of(String text) {
        Object loaded = new Yaml(new LoaderOptions()).load(text);
        return new ChaosDocument(deepCopy((Map<String, Object>) loaded));
    }

    /** A copy for run {@code seed} under {@code strategy}, ending at {@code until}, with {@code faults} appended. */
    public ChaosDocument forRun(long seed, Strategy strategy, long until, List<Fault> faults) {
        Map<String, Object> copy = deepCopy(root);
        copy.remove("expect");
        copy.put("seed", seed);
        copy.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
        copy.put("until", Durations.format(until));
        List<Object> timeline = new ArrayList<>(timeline(copy));
        faults.forEach(f -> timeline.add(TimelineYaml.item(f.at(), f.action())));
        if (timeline.isEmpty()) {
            copy.remove("timeline");
        } else {
            copy.put("timeline", timeline);
        }
        return new ChaosDocument(copy);
    }

    /** The live tree, for the shrinker's edits; {@link #copy} first. */
    public Map<String, Object> root() {
        return root;
    }

    public ChaosDocument copy() {
        return new ChaosDocument(deepCopy(root));
    }

    @SuppressWarnings("unchecked")
    static List<Object> timeline(Map<String, Object> root) {
        Object t = root.get("timeline");
        return t instanceof List<?> l ? (List<Object>) l : List.of();
    }

    public List<Object> timeline() {
        return timeline(root);
    }

    public ParseOutcome parse(String displayName) {
        return new ScenarioParser().parse(displayName, text());
    }

    /** The YAML text: block style, with small mappings and lists of scalars on one line. */
    public String text() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(options).dump(root);
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        } else if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
