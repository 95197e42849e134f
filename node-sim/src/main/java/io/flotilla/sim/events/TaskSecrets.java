package io.flotilla.sim.events;

import io.flotilla.scheduler.model.FileReference;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.sim.kernel.Event;
import java.util.List;
import java.util.Optional;

/**
 * The secrets and configs a new task is granted, as its container will see them (logged as it is
 * created, after its first state, only when it has any): Swarm's dispatcher sends them to the task's node
 * with its assignment and the agent mounts each at its target; a Kubernetes pod mounts each as a
 * volume of its Secret or ConfigMap at the same path. No other task sees them.
 */
public record TaskSecrets(String task, List<GrantedFile> secrets, List<GrantedFile> configs) implements Event {

    public TaskSecrets {
        secrets = List.copyOf(secrets);
        configs = List.copyOf(configs);
    }

    @Override
    public String type() {
        return "task.secrets";
    }

    /** The event for a new task of {@code spec}; empty when it is granted nothing. */
    public static Optional<TaskSecrets> of(String task, TaskSpec spec) {
        if (spec.files().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TaskSecrets(task, granted(spec, FileReference.Kind.SECRET), granted(spec, FileReference.Kind.CONFIG)));
    }

    private static List<GrantedFile> granted(TaskSpec spec, FileReference.Kind kind) {
        return spec.files(kind).stream()
                .map(f -> new GrantedFile(f.name(), f.id(), f.target(), f.uid(), f.gid(), String.format("%04o", f.mode())))
                .toList();
    }

    /**
     * One secret or config as the task sees it: the object's name and id, and the file it is in the
     * container ({@code target}), its owner and its permission bits in octal ({@code 0444}).
     */
    public record GrantedFile(String name, String id, String target, String uid, String gid, String mode) {}
}
