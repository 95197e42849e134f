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
 * name it asked for on which node and network, what that node's resolver answered, which backend
 * the load balancer chose, and why the request was served or failed.
 */
public final class RequestReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestReport() {}

    /** {@code at} is when the request's fate was decided: when the log recorded it. */
    public static ObjectNode json(RequestExplained e, long at, Strategy strategy) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("client", e.client());
        root.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
        root.put("at", Durations.format(at));
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

    public static void print(RequestExplained e, long at, PrintWriter out) {
        String node = blankToNull(e.node());
        String network = blankToNull(e.network());
        out.printf("request of %s%s%s to %s: %s (decided at %s)%n", e.client(),
                node == null ? " from outside" : " from " + node, network == null ? "" : " on " + network, e.name(), e.outcome(),
                Durations.format(at));
        out.printf("  resolved: %s%n", e.resolved().isEmpty() ? "nothing (NXDOMAIN)" : String.join(", ", e.resolved()));
        String backend = blankToNull(e.backend());
        out.printf("  backend:  %s%n", backend == null ? "none chosen" : backend);
        out.printf("  why:      %s%n", e.why());
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
