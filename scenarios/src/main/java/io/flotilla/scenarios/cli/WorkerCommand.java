package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.cluster.HostPort;
import io.flotilla.scenarios.cluster.WorkerNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code worker --join HOST:PORT}: a JVM that takes the runs of clustered sweeps. It restarts its
 * cluster system and joins again when a coordinator goes away, so one worker serves sweep after sweep.
 */
@Command(name = "worker", description = "Join the cluster of a `compare --cluster HOST:PORT` and simulate its runs, "
        + "sweep after sweep, until stopped. See docs/cluster.md.")
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--join", paramLabel = "HOST:PORT", required = true,
            description = "The address the coordinator (`compare --cluster`) listens at.")
    String join;

    @Option(names = "--host", paramLabel = "HOST",
            description = "The address the coordinator reaches this worker at (default: 127.0.0.1 when joining on "
                    + "loopback, else this machine's address). The port is a free one.")
    String host;

    @Option(names = "--threads", paramLabel = "N",
            description = "Runs to simulate at once, each on its own thread (default: the number of processors).")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        HostPort seed;
        try {
            seed = HostPort.parse(join);
        } catch (IllegalArgumentException e) {
            err.println("flotilla: --join " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (threads != null && threads < 1) {
            err.println("flotilla: --threads must be at least 1, not " + threads);
            return ExitCodes.INVALID_INPUT;
        }
        WorkerNode.serve(seed, host == null ? WorkerNode.hostFor(seed) : host,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, err);
        return ExitCodes.PASSED;
    }
}
