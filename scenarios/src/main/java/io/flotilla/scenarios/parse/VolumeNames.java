package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.VolumeClaimTemplate;
import io.flotilla.scenarios.model.VolumeDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The volumes a timeline item or an expectation may name: the top-level {@code volumes}, and the
 * claims of statefulsets' volume claim templates, {@code <template>-<statefulset>-<ordinal>}
 * ({@code data-db-0}), as Kubernetes names them, for any ordinal (a later scale may make it).
 */
final class VolumeNames {

    private final Map<String, VolumeDecl> declared;
    /** Each claim prefix ({@code data-db-}) and the statefulset it belongs to. */
    private final TreeMap<String, String> claimPrefixes = new TreeMap<>();

    VolumeNames(Map<String, VolumeDecl> declared, List<StatefulSetDecl> statefulsets) {
        this.declared = declared;
        statefulsets.forEach(this::add);
    }

    /** A statefulset deployed by the timeline adds its claims. */
    void add(StatefulSetDecl set) {
        for (VolumeClaimTemplate t : set.volumeClaimTemplates()) {
            claimPrefixes.put(t.name() + "-" + set.name() + "-", set.name());
        }
    }

    /** The top-level volumes, by name. */
    Map<String, VolumeDecl> declared() {
        return declared;
    }

    /** Why {@code name} names no volume, with a suggestion; empty when it names one. */
    Optional<String> unknown(String name) {
        if (declared.containsKey(name)) {
            return Optional.empty();
        }
        for (String prefix : claimPrefixes.keySet()) {
            if (name.startsWith(prefix) && name.substring(prefix.length()).matches("0|[1-9][0-9]{0,8}")) {
                return Optional.empty();
            }
        }
        TreeSet<String> known = new TreeSet<>(declared.keySet());
        claimPrefixes.keySet().forEach(p -> known.add(p + "0"));
        List<String> forms = new ArrayList<>(declared.keySet());
        claimPrefixes.keySet().forEach(p -> forms.add(p + "N"));
        return Optional.of("unknown volume '" + name + "'" + Suggestions.didYouMean(name, known)
                + (forms.isEmpty() ? "; declare it under the top-level 'volumes'" : "; the volumes are " + String.join(", ", forms)));
    }
}
