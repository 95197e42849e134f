package io.flotilla.scenarios.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key docs/scenario.schema.json allows, as a path into a document ({@code services * deploy
 * replicas}, {@code timeline [] crash}: {@code *} is any name of a map, {@code []} any item of a
 * list), with the schema of its value and the name of the shared definition it uses, if any. A key
 * of a shared definition (a service's keys, reached from {@code services} and from a timeline
 * {@code deploy}) is listed once, at the first path that reaches it: one binder reads it.
 */
final class SchemaPaths {

    record KeyPath(List<String> segments, JsonNode schema, String ref) {
        @Override
        public String toString() {
            return String.join(".", segments);
        }
    }

    private static List<KeyPath> all;

    private final JsonNode defs;
    private final Map<String, KeyPath> found = new LinkedHashMap<>();

    private SchemaPaths(JsonNode defs) {
        this.defs = defs;
    }

    static synchronized List<KeyPath> all() {
        if (all == null) {
            try {
                JsonNode schema = new ObjectMapper().readTree(Corpus.root().resolve("docs/scenario.schema.json").toFile());
                SchemaPaths walk = new SchemaPaths(schema.path("$defs"));
                walk.walk(schema, List.of(), List.of(), "");
                all = List.copyOf(walk.found.values());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** {@code where} names the key by where the schema defines it: {@code #deploy.replicas}, {@code .seed}. */
    private void walk(JsonNode node, List<String> path, List<String> refs, String where) {
        String ref = refOf(node);
        if (!ref.isEmpty() && node.has("$ref")) {
            if (!refs.contains(ref)) {
                walk(defs.path(ref), path, plus(refs, ref), "#" + ref);
            }
            return;
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            node.path(combinator).forEach(alternative -> walk(alternative, path, refs, where));
        }
        node.path("properties").fields().forEachRemaining(p -> {
            List<String> child = plus(path, p.getKey());
            found.putIfAbsent(where + "." + p.getKey(), new KeyPath(child, p.getValue(), refOf(p.getValue())));
            walk(p.getValue(), child, refs, where + "." + p.getKey());
        });
        JsonNode additional = node.path("additionalProperties");
        if (additional.isObject()) {
            List<String> child = plus(path, "*");
            found.putIfAbsent(where + ".*", new KeyPath(child, additional, refOf(additional)));
            walk(additional, child, refs, where + ".*");
        }
        if (node.path("items").isObject()) {
            walk(node.path("items"), plus(path, "[]"), refs, where + "[]");
        }
    }

    /** {@code duration} for {@code {"$ref": "#/$defs/duration"}} or {@code {"allOf": [{"$ref": ...}]}}. */
    private static String refOf(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.isEmpty() && node.path("allOf").size() == 1) {
            ref = node.path("allOf").get(0).path("$ref").asText("");
        }
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static List<String> plus(List<String> list, String item) {
        List<String> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
