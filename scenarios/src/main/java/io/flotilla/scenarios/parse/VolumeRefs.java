package io.flotilla.scenarios.parse;

import java.util.Optional;

/** The {@code volume} key of a storage action: a volume the file knows. */
final class VolumeRefs {

    private VolumeRefs() {}

    static Optional<String> volume(Fields f, VolumeNames volumes) {
        return f.required("volume").flatMap(n -> Values.string(n, "volume", f.problems()).filter(name -> {
            Optional<String> why = volumes.unknown(name);
            why.ifPresent(w -> f.problems().add(n, w));
            return why.isEmpty();
        }));
    }
}
