package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.views.TaskInspect;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "inspect", description = "Show a task of a Swarm run as docker inspect does (JSON), at the end of the run or --at a moment.")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RunSelection selection;

    @Option(names = "--task", paramLabel = "NAME", required = true,
            description = "The task: its slot's name (web.2, agent.worker-1) for the newest task there, or its id (web.2#1).")
    String task;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return SwarmViews.answer("inspect", selection, main, err, m -> {
            Optional<String> json = TaskInspect.render(m, task);
            if (json.isEmpty()) {
                err.println("Error: No such object: " + task);
                return ExitCodes.NO_ANSWER;
            }
            spec.commandLine().getOut().println(json.get());
            return ExitCodes.PASSED;
        });
    }
}
