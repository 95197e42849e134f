package io.flotilla.scenarios.views;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container that stopped, as the kubelet reports its terminated state: when it started and
 * finished, its exit code and its reason. The run records the exit in the task's error, in moby's
 * words ({@code task: non-zero exit (137): OOMKilled}); a zero exit has none.
 */
record Termination(long started, long finished, int exitCode, String reason) {

    private static final Pattern EXIT = Pattern.compile("exit \\((\\d+)\\)(?:: (.+))?");
    /** The cause containerd reports for a container the kernel killed for its memory limit. */
    private static final String OOM_KILLED = "OOMKilled";

    /**
     * The container that ran from {@code started} to {@code finished} and stopped with
     * {@code error}. Its reason is containerd's: {@code Completed} for a zero exit, {@code
     * OOMKilled} for the kernel's kill, {@code Error} for any other.
     */
    static Termination of(long started, long finished, String error) {
        if (error == null) {
            return new Termination(started, finished, 0, "Completed");
        }
        Matcher m = EXIT.matcher(error);
        boolean found = m.find();
        int code = found ? Integer.parseInt(m.group(1)) : 1;
        String reason = code == 0 ? "Completed" : found && OOM_KILLED.equals(m.group(2)) ? OOM_KILLED : "Error";
        return new Termination(started, finished, code, reason);
    }

    /** The exit code an error names; 1 for an error that names none. */
    static int exitCode(String error) {
        return of(0, 0, error).exitCode();
    }
}
