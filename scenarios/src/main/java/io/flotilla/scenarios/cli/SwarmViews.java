package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.views.RunMoment;
import io.flotilla.scenarios.views.SwarmApi;
import java.io.PrintWriter;
import java.util.Optional;

/** What the Docker views check before they answer: a Swarm run, and a manager that can answer. */
final class SwarmViews {

    private SwarmViews() {}

    /** Says why a view of a Swarm run cannot show this strategy's run, if it cannot. */
    static boolean wrongStrategy(String command, Strategy strategy, PrintWriter err) {
        if (strategy == Strategy.SWARM) {
            return false;
        }
        err.println("flotilla: " + command + " shows a Swarm run, and this one runs the kubernetes strategy;"
                + " use ./flotilla kubectl FILE get pods (or describe pod NAME), or add --strategy swarm");
        return true;
    }

    /** The daemon's error when the managers have no leader at the moment, as the CLI prints it. */
    static Optional<Integer> noLeader(RunMoment m, PrintWriter err) {
        Optional<String> why = SwarmApi.unavailable(m);
        why.ifPresent(err::println);
        return why.map(w -> ExitCodes.NO_ANSWER);
    }
}
