package io.flotilla.scheduler.model;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker service update --secret-rm NAME --secret-add source=...,target=...}: the secrets
 * granted by name in {@code remove} go, then {@code add} are appended, as docker/cli's
 * {@code getUpdatedSecrets} builds the new list (removed first, so that a rotation can give the new
 * secret the old one's target). Configs stay as they are.
 */
public record SecretChange(List<FileReference> add, List<String> remove) {

    /** No change to the secrets. */
    public static final SecretChange NONE = new SecretChange(List.of(), List.of());

    public SecretChange {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
    }

    public boolean isEmpty() {
        return add.isEmpty() && remove.isEmpty();
    }

    /** The task with its secrets changed: the kept ones in their order, then the added ones. */
    public TaskSpec apply(TaskSpec task) {
        if (isEmpty()) {
            return task;
        }
        List<FileReference> files = new ArrayList<>();
        for (FileReference f : task.files()) {
            if (f.kind() != FileReference.Kind.SECRET || !remove.contains(f.name())) {
                files.add(f);
            }
        }
        files.addAll(add);
        return task.withFiles(files);
    }
}
