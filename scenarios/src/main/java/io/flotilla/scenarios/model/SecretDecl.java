package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.FileReference;
import java.util.Optional;

/**
 * A top-level {@code secrets} or {@code configs} entry: the {@code key} services grant it by, the
 * object's {@code name} in the cluster (the key, unless {@code name:} says otherwise), where its
 * content comes from ({@code file:}, never read, or {@code external: true}, an object that already
 * exists), and its {@code id}: deterministic, a hash of the kind, name and source, so the same
 * declaration always has the same id and a new version (a new name or file) another one.
 */
public record SecretDecl(String key, FileReference.Kind kind, String name, Optional<String> file, boolean external,
        String id, SourcePos pos) {

    /** {@code file ./db_password.txt} or {@code external}, as the timeline and {@code run --json} show it. */
    public String source() {
        return external ? "external" : "file " + file.orElse("");
    }
}
