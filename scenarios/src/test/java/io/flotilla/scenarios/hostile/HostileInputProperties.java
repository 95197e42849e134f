package io.flotilla.scenarios.hostile;

import io.flotilla.scenarios.hostile.Campaign.Input;
import io.flotilla.scenarios.hostile.SchemaPaths.KeyPath;
import io.flotilla.scenarios.hostile.YamlTrees.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Hostile input is harmless: whatever a file holds, {@code validate} and {@code run} answer with
 * positioned problems (exit 2) or a clean run (exit 0 or 1), never a stack trace, an internal
 * error or a hang. Each property draws its inputs from the shipped examples and the test files
 * that use every key. See {@link Campaign} for how to run a long campaign.
 */
class HostileInputProperties {

    /** Text mutations of the examples: lines deleted, swapped, re-indented, values replaced, unicode, bombs. */
    @Test
    void mutatedExamples() {
        Campaign.run("mutated-examples", 100, (i, random) -> {
            List<String> corpus = Corpus.texts();
            StringBuilder what = new StringBuilder("mutated");
            String yaml = Mutations.mutate(corpus.get(random.nextInt(corpus.size())), random, what);
            return new Input(what.toString(), yaml);
        });
    }

    /** Every key of the schema, somewhere in a file that uses it, given a wrong type or a boundary or absurd value. */
    @Test
    void everySchemaKeyWithHostileValues() {
        List<KeyPath> keys = SchemaPaths.all();
        Campaign.run("schema-keys", keys.size(), (i, random) -> {
            // In turn, so that every key is tried once in as many tries as there are keys.
            KeyPath key = keys.get(i % keys.size());
            String value = HostileValues.forSchema(key.schema(), key.ref(), random);
            return new Input(key + " = " + value, withValue(key, value, random));
        });
    }

    /** Names of maps (services, networks, labels, images...) that are hostile text. */
    @Test
    void hostileNamesOfMaps() {
        List<KeyPath> maps = SchemaPaths.all().stream().filter(k -> k.segments().get(k.segments().size() - 1).equals("*")).toList();
        Campaign.run("hostile-names", 40, (i, random) -> {
            KeyPath key = maps.get(random.nextInt(maps.size()));
            String name = HostileValues.any(random);
            for (String yaml : shuffled(Corpus.texts(), random)) {
                Node root = YamlTrees.compose(yaml).orElse(null);
                List<Slot> slots = root == null ? List.of() : YamlTrees.find(root, key.segments());
                if (!slots.isEmpty()) {
                    slots.get(random.nextInt(slots.size())).setKey().orElseThrow().accept(YamlTrees.value(name));
                    return new Input(key + " named " + name, YamlTrees.write(root));
                }
            }
            return new Input(key + " named " + name, skeleton(key.segments().subList(0, key.segments().size() - 1),
                    "{" + name + ": x}"));
        });
    }

    /** Random trees of the format's own keys and hostile values, at random depths. */
    @Test
    void randomDocuments() {
        List<String> words = SchemaPaths.all().stream()
                .map(k -> k.segments().get(k.segments().size() - 1))
                .filter(w -> !w.equals("*"))
                .distinct()
                .toList();
        Campaign.run("random-documents", 40, (i, random) -> {
            StringBuilder yaml = new StringBuilder("scenario: random\n");
            int keys = 1 + random.nextInt(6);
            for (int k = 0; k < keys; k++) {
                yaml.append(words.get(random.nextInt(words.size()))).append(": ")
                        .append(tree(words, random, 1 + random.nextInt(5))).append('\n');
            }
            return new Input("random", yaml.toString());
        });
    }

    static String withValue(KeyPath key, String value, Random random) {
        for (String yaml : shuffled(Corpus.texts(), random)) {
            Node root = YamlTrees.compose(yaml).orElse(null);
            List<Slot> slots = root == null ? List.of() : YamlTrees.find(root, key.segments());
            if (!slots.isEmpty()) {
                slots.get(random.nextInt(slots.size())).setValue().accept(YamlTrees.value(value));
                return YamlTrees.write(root);
            }
        }
        return skeleton(key.segments(), value);
    }

    /** A small valid file with {@code value} at {@code path}, for a key no file of the corpus uses. */
    static String skeleton(List<String> path, String value) {
        String inner = value;
        for (int i = path.size() - 1; i >= 0; i--) {
            String segment = path.get(i);
            inner = segment.equals("[]") ? "[" + inner + "]" : "{" + (segment.equals("*") ? "web" : segment) + ": " + inner + "}";
        }
        String top = path.get(0);
        StringBuilder out = new StringBuilder();
        if (!top.equals("scenario")) {
            out.append("scenario: skeleton\n");
        }
        if (!top.equals("nodes")) {
            out.append("nodes: [{name: n1, role: manager}, {name: w, count: 2}]\n");
        }
        // The outer braces hold exactly the top key.
        out.append(inner, 1, inner.length() - 1).append('\n');
        return out.toString();
    }

    private static String tree(List<String> words, Random random, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return HostileValues.any(random);
        }
        int n = random.nextInt(4);
        List<String> items = new ArrayList<>();
        boolean map = random.nextBoolean();
        for (int i = 0; i < n; i++) {
            String child = tree(words, random, depth - 1);
            items.add(map ? words.get(random.nextInt(words.size())) + ": " + child : child);
        }
        return (map ? "{" : "[") + String.join(", ", items) + (map ? "}" : "]");
    }

    private static List<String> shuffled(List<String> list, Random random) {
        List<String> out = new ArrayList<>(list);
        java.util.Collections.shuffle(out, random);
        return out;
    }
}
