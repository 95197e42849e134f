package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.views.RunMoment;
import io.flotilla.scenarios.views.SwarmApi;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** What the Docker views check before they answer: a Swarm run, and a manager that can answer. */
final class SwarmViews {

    private SwarmViews() {}

    /**
     * Runs the selected scenario to its moment and lets {@code view} answer, unless the run is not a
     * Swarm run or its managers have no leader then: each says so on {@code err} with its exit code.
     */
    static int answer(String command, RunSelection selection, Main main, PrintWriter err, ToIntFunction<RunMoment> view) {
        Optional<RunSelection.Chosen> chosen = selection.choose(err);
        if (chosen.isEmpty() || wrongStrategy(command, chosen.get().strategy(), err)) {
            return ExitCodes.INVALID_INPUT;
        }
        RunMoment m = selection.run(chosen.get(), main, err);
        Optional<String> noLeader = SwarmApi.unavailable(m);
        if (noLeader.isPresent()) {
            // The daemon's error when the managers have no leader at the moment, as the CLI prints it.
            err.println(noLeader.get());
            return ExitCodes.NO_ANSWER;
        }
        return view.applyAsInt(m);
    }

    /** Says why a view of a Swarm run cannot show this strategy's run, if it cannot. */
    private static boolean wrongStrategy(String command, Strategy strategy, PrintWriter err) {
        if (strategy == Strategy.SWARM) {
            return false;
        }
        // kubectl's view of what this command shows: the nodes, one pod, or the pods.
        String kubectl = switch (command) {
            case "nodes" -> "get nodes";
            case "inspect" -> "describe pod NAME";
            default -> "get pods (or describe pod NAME)";
        };
        err.println("flotilla: " + command + " shows a Swarm run, and this one runs the kubernetes strategy;"
                + " use ./flotilla kubectl FILE " + kubectl + ", or add --strategy swarm");
        return true;
    }
}
