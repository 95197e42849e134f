package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.views.ContainerLog;
import io.flotilla.scenarios.views.RunMoment;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code docker logs} of a task's container (Swarm) or {@code kubectl logs} of a pod (Kubernetes):
 * see {@link ContainerLog} for what the lines are and where each comes from.
 */
@Command(name = "logs", description = "What a task's container wrote (docker logs; kubectl logs POD under the kubernetes "
        + "strategy): one access-log line per request it answered, at the end of the run or --at a moment.")
final class LogsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RunSelection selection;

    @Parameters(index = "1", paramLabel = "TASK",
            description = "Swarm: a task's slot name (web.2) for the newest task there, or its id (web.2#1). "
                    + "Kubernetes: a pod's name as kubectl get pods lists it.")
    String name;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Only the last N lines.")
    Integer tail;

    @Option(names = {"-p", "--previous"},
            description = "Kubernetes: the pod's previous container, the one before its last restart.")
    boolean previous;

    @Option(names = {"-t", "--timestamps"}, description = "Begin each line with its time (RFC 3339, to the nanosecond).")
    boolean timestamps;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (tail != null && tail < 0) {
            err.println("flotilla: --tail expects a number of lines, 0 or more, got " + tail);
            return ExitCodes.INVALID_INPUT;
        }
        Optional<RunSelection.Chosen> chosen = selection.choose(err);
        if (chosen.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        if (previous && chosen.get().strategy() == Strategy.SWARM) {
            // docker logs has no such flag: Swarm never restarts a container in place.
            err.println("flotilla: --previous is kubectl's; Swarm never restarts a task's container, it starts a new task"
                    + " in the slot: name an older one by its id (" + name + "#1), as ./flotilla ps lists them");
            return ExitCodes.INVALID_INPUT;
        }
        RunMoment m = selection.run(chosen.get(), main, err, true);
        ContainerLog.Answer answer = ContainerLog.of(m, new ContainerLog.Request(name, previous,
                tail == null ? OptionalInt.empty() : OptionalInt.of(tail), timestamps));
        if (answer instanceof ContainerLog.Refused r) {
            err.println(r.message());
            return ExitCodes.NO_ANSWER;
        }
        ((ContainerLog.Lines) answer).lines().forEach(out::println);
        return ExitCodes.PASSED;
    }
}
