package io.flotilla.scenarios.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.RequestExplained;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code explain --request} prints about one request followed through the data plane: which
 * name it asked for on which node and network, when it was sent and when the client saw its end,
 * what that node's resolver answered, which backend the load balancer chose, and why the request was
 * served or failed.
 */
public final class RequestReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestReport() {}

    /**
     * {@code at} is when the request's fate was decided: when the log recorded it. That is not always
     * when the client saw it: {@code sent} and {@code ended} say when it was sent and when it was
     * answered, reset, gave up on (a timeout: the send time plus the client's timeout) or failed.
     */
    public static ObjectNode json(RequestExplained e, long at, Strategy strategy) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("client", e.client());
        root.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
        root.put("at", Durations.format(at));
        root.put("sent", Durations.format(e.sent()));
        root.put("ended", Durations.format(e.ended()));
        root.put("node", blankToNull(e.node()));
        root.put("network", blankToNull(e.network()));
        root.put("name", e.name());
        ArrayNode resolved = root.putArray("resolved");
        e.resolved().forEach(resolved::add);
        root.put("backend", blankToNull(e.backend()));
        root.put("outcome", e.outcome());
        root.put("why", e.why());
        return root;
    }

    /** {@code at}: when the log recorded the request's fate (see {@link #json}); the text says when the client saw it. */
    public static void print(RequestExplained e, long at, PrintWriter out) {
        String node = blankToNull(e.node());
        String network = blankToNull(e.network());
        out.printf("request of %s%s%s to %s: %s (sent at %s, %s)%n", e.client(),
                node == null ? " from outside" : " from " + node, network == null ? "" : " on " + network, e.name(), e.outcome(),
                Durations.format(e.sent()), ending(e));
        // a DNS name has no colon: NODE:PORT is reached as it is
        String resolved = e.name().contains(":") ? "no name to resolve (a node and a port)"
                : e.resolved().isEmpty() ? "nothing (NXDOMAIN)" : String.join(", ", e.resolved());
        out.printf("  resolved: %s%n", resolved);
        String backend = blankToNull(e.backend());
        out.printf("  backend:  %s%n", backend == null ? "none chosen" : backend);
        out.printf("  why:      %s%n", e.why());
    }

    /** When and how the client saw the request end. */
    private static String ending(RequestExplained e) {
        String when = Durations.format(e.ended());
        return switch (e.outcome()) {
            case "served" -> "answered at " + when;
            case "timeout" -> "timed out at " + when;
            case "reset" -> "reset at " + when;
            default -> e.ended() == e.sent() ? "failed at once" : "failed at " + when;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
