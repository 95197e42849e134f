package io.flotilla.scenarios.views;

import java.util.Locale;
import java.util.Optional;

/**
 * What the Docker CLI gets from a manager: answers only while the managers have a raft leader; the
 * engine version every node reports.
 */
public final class SwarmApi {

    /** The engine's answer without a leader, as {@code docker node ls} prints it. */
    public static final String NO_LEADER = "Error response from daemon: rpc error: code = Unknown desc = The swarm does not"
            + " have a leader. It's possible that too few managers are online. Make sure more than half of the managers"
            + " are online.";

    /** The engine version the nodes report; the simulation models no difference between versions here. */
    public static final String ENGINE_VERSION = "29.0.0";

    private SwarmApi() {}

    /** The error a manager answers with at this moment, if it cannot answer. */
    public static Optional<String> unavailable(RunMoment m) {
        return m.leader().isPresent() ? Optional.empty() : Optional.of(NO_LEADER);
    }

    /** Docker's {@code formatter.PrettyPrint}: the first letter upper case, the rest lower. */
    static String pretty(String s) {
        if (s.isEmpty()) {
            return s;
        }
        if (s.length() == 1) {
            return s.toLowerCase(Locale.ROOT);
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }
}
