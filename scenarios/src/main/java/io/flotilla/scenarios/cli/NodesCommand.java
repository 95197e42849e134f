package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.views.NodeList;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "nodes", description = "List the nodes of a Swarm run as docker node ls does, at the end of the run or --at a moment.")
final class NodesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RunSelection selection;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return SwarmViews.answer("nodes", selection, main, err, m -> {
            spec.commandLine().getOut().print(NodeList.render(m));
            return ExitCodes.PASSED;
        });
    }
}
