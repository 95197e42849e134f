package io.flotilla.scheduler.runtime;

import io.flotilla.scheduler.model.TaskState;
import java.util.Optional;

/**
 * How a container ended: its exit code and, when the engine knows one, a cause. Swarmkit reports
 * a zero exit as the task's {@code complete} ("finished") and any other as {@code failed} with
 * moby's executor error, {@code task: non-zero exit (CODE)} or {@code task: non-zero exit (CODE):
 * CAUSE} ({@code daemon/cluster/executor/container/controller.go exitError}).
 */
public record ExitStatus(int code, Optional<String> cause) {

    /**
     * Killed by the kernel for going past its memory limit: SIGKILL, 137. Moby records it as the
     * container's {@code State.OOMKilled} (and logs an {@code oom} event before {@code die}) and
     * swarmkit's error says only {@code task: non-zero exit (137)}; the kubelet reports the
     * container's reason {@code OOMKilled}. Flotilla writes that reason as the cause, so that the
     * task's error tells it under both strategies.
     */
    public static final ExitStatus OOM_KILLED = new ExitStatus(137, Optional.of("OOMKilled"));

    public static ExitStatus of(int code) {
        return new ExitStatus(code, Optional.empty());
    }

    /** {@code complete} for a zero exit, {@code failed} for any other. */
    public TaskState state() {
        return code == 0 ? TaskState.COMPLETE : TaskState.FAILED;
    }

    /** Swarmkit's status message: {@code finished} for a zero exit; Flotilla's {@code exited} otherwise. */
    public String message() {
        return code == 0 ? "finished" : "exited";
    }

    /** The task's error: none for a zero exit. */
    public Optional<String> error() {
        if (code == 0) {
            return Optional.empty();
        }
        return Optional.of("task: non-zero exit (" + code + ")" + cause.map(c -> ": " + c).orElse(""));
    }
}
