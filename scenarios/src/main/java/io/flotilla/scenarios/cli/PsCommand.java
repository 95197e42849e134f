package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.views.RunMoment;
import io.flotilla.scenarios.views.ServicePs;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ps", description = "List the tasks of a Swarm run as docker service ps does, at the end of the run or --at a moment.")
final class PsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RunSelection selection;

    @Parameters(index = "1..*", paramLabel = "SERVICE", description = "Services to list (default: every service).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return SwarmViews.answer("ps", selection, main, err, m -> {
            for (String service : services) {
                if (!deployed(m, service)) {
                    err.println("no such service: " + service);
                    return ExitCodes.INVALID_INPUT;
                }
            }
            out.print(ServicePs.render(m, services));
            return ExitCodes.PASSED;
        });
    }

    /** Whether the service exists at the moment: deployed at 0, or by a timeline deploy since. */
    private static boolean deployed(RunMoment m, String service) {
        return m.scenario().services().stream().anyMatch(s -> s.name().equals(service))
                || m.scenario().timeline().stream().anyMatch(item -> item.at() <= m.at()
                        && item.action() instanceof Action.Deploy d && d.services().stream().anyMatch(s -> s.name().equals(service)));
    }
}
