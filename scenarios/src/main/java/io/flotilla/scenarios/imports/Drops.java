package io.flotilla.scenarios.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an import leaves out, in the order it met it. */
final class Drops {

    final List<Dropped> all = new ArrayList<>();

    void drop(SourceNode at, String why) {
        all.add(Dropped.of(at.origin(), why));
    }

    /** Every key of {@code mapping} not in {@code kept}, each with its reason from {@code why} or {@code otherwise}. */
    void unknownKeys(SourceNode mapping, List<String> kept, Map<String, String> why, String otherwise) {
        mapping.keys().forEach((key, at) -> {
            if (!kept.contains(key) && !key.startsWith("x-")) {
                drop(at, why.getOrDefault(key, otherwise));
            }
        });
    }

    /** Keys and the reason each is dropped, in order: {@code reasons("build", "images are not built", ...)}. */
    static Map<String, String> reasons(String... keysAndReasons) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndReasons.length; i += 2) {
            out.put(keysAndReasons[i], keysAndReasons[i + 1]);
        }
        return out;
    }
}
