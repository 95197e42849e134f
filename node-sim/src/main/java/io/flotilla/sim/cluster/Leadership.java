package io.flotilla.sim.cluster;

import io.flotilla.sim.control.ControlPlaneTimer;
import io.flotilla.sim.events.CommandRejected;
import io.flotilla.sim.kernel.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A manager's standing with the fabric's leader election: while there is no leader, operator
 * commands are rejected with the orchestrator's own words, and the control plane's timers wait
 * (those it would rather drop are dropped); a new leader runs the held timers in their order.
 */
final class Leadership {

    private final EventLog log;
    private final String noLeader;
    private final Consumer<ControlPlaneTimer> fire;
    private final Predicate<ControlPlaneTimer> dropWithoutLeader;
    private final List<ControlPlaneTimer> heldBack = new ArrayList<>();
    private boolean leading = true;

    Leadership(EventLog log, String noLeader, Consumer<ControlPlaneTimer> fire, Predicate<ControlPlaneTimer> dropWithoutLeader) {
        this.log = log;
        this.noLeader = noLeader;
        this.fire = fire;
        this.dropWithoutLeader = dropWithoutLeader;
    }

    /** Runs an operator command, or logs its rejection when there is no leader. */
    void operator(String command, Runnable call) {
        if (leading) {
            call.run();
        } else {
            log.append(new CommandRejected(command, noLeader));
        }
    }

    void timerFired(ControlPlaneTimer timer) {
        if (leading) {
            fire.accept(timer);
        } else if (!dropWithoutLeader.test(timer)) {
            heldBack.add(timer);
        }
    }

    boolean leading() {
        return leading;
    }

    void lost() {
        leading = false;
    }

    /** A leader again: {@code elected} runs first, then the held timers. */
    void elected(Runnable elected) {
        leading = true;
        elected.run();
        List<ControlPlaneTimer> due = List.copyOf(heldBack);
        heldBack.clear();
        due.forEach(fire);
    }
}
