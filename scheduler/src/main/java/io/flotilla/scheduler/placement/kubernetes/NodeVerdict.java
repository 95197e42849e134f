package io.flotilla.scheduler.placement.kubernetes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node as one pod's cycle saw it. A node the filter did not reach (percentageOfNodesToScore
 * stopped it) is not {@code examined}. An infeasible node names the plugin that rejected it and its
 * reasons. A feasible node carries each score plugin's normalised score before weighting, in profile
 * order (plugins whose PreScore skipped the pod are absent), and the weighted total; when it was the
 * only feasible node, scoring did not run and both are empty.
 */
public record NodeVerdict(String node, boolean examined, boolean feasible, String plugin, List<String> reasons,
        Map<String, Long> scores, long total) {

    public NodeVerdict {
        reasons = List.copyOf(reasons);
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /**
     * The node's entry in {@code explain --json} (SCENARIO-FORMAT section 5): {@code {"node": "node-2",
     * "feasible": true, "total": 342, "scores": {"NodeResourcesFit": 37, ...}}}; for a rejected node
     * {@code {"node": "node-3", "feasible": false, "reason": "Insufficient cpu, Insufficient memory",
     * "plugin": "NodeResourcesFit"}}; for a node the filter never reached {@code {"node": "node-4",
     * "examined": false}}.
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"node\": ").append(quote(node));
        if (!examined) {
            return sb.append(", \"examined\": false}").toString();
        }
        sb.append(", \"feasible\": ").append(feasible);
        if (feasible) {
            sb.append(", \"total\": ").append(total).append(", \"scores\": {");
            String sep = "";
            for (Map.Entry<String, Long> e : scores.entrySet()) {
                sb.append(sep).append(quote(e.getKey())).append(": ").append(e.getValue());
                sep = ", ";
            }
            return sb.append("}}").toString();
        }
        sb.append(", \"reason\": ").append(quote(String.join(", ", reasons)));
        return sb.append(", \"plugin\": ").append(quote(plugin)).append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
