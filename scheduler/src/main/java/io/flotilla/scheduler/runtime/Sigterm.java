package io.flotilla.scheduler.runtime;

import java.util.Locale;

/**
 * What an application does with the SIGTERM that {@code docker stop} (and a kubelet stopping a
 * container) sends first. The engine sends SIGKILL once the stop grace period has passed
 * ({@code daemon/stop.go containerStop}); the exit code tells which signal ended it.
 */
public enum Sigterm {
    /** It handles the signal and exits cleanly: exit code 0 (the task completes). */
    EXIT,
    /** It has no handler and dies of the signal: exit code 143 (128 + 15). */
    DIE,
    /**
     * It ignores the signal, as a process running as PID 1 without a handler does (the kernel
     * ignores signals PID 1 does not handle): SIGKILL at the end of the grace period, exit code 137.
     */
    IGNORE;

    /** The exit status of a container stopped this way (for {@link #IGNORE}, once it is killed). */
    public ExitStatus exit() {
        return switch (this) {
            case EXIT -> ExitStatus.of(0);
            case DIE -> ExitStatus.of(143);
            case IGNORE -> ExitStatus.of(137);
        };
    }

    /** Whether the container outlives the SIGTERM and waits for the SIGKILL. */
    public boolean waitsForKill() {
        return this == IGNORE;
    }

    /** The scenario's word for it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
