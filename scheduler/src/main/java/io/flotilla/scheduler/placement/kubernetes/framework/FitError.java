package io.flotilla.scheduler.placement.kubernetes.framework;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The FailedScheduling message (upstream {@code FitError.Error}, types.go):
 * {@code 0/N nodes are available: } then either the PreFilter message, or the histogram of every
 * node's reasons as {@code "<count> <reason>"} strings sorted lexicographically as whole strings (so
 * {@code "10 X"} comes before {@code "2 Y"}) and joined by {@code ", "}, each part ending with a
 * period; then the PostFilter message after a space. The newest releases add no period after the
 * PostFilter message (older ones did, giving {@code ".."}).
 */
public final class FitError {

    static final String NO_NODE_AVAILABLE = "0/%d nodes are available:";

    private FitError() {}

    /**
     * @param statuses one status per node that failed (all the cluster's nodes when none was feasible)
     */
    public static String message(int numAllNodes, String preFilterMsg, Map<String, Status> statuses, String postFilterMsg) {
        StringBuilder sb = new StringBuilder(String.format(NO_NODE_AVAILABLE, numAllNodes));
        if (!preFilterMsg.isEmpty()) {
            sb.append(' ').append(preFilterMsg).append('.');
        } else {
            List<String> histogram = histogram(statuses);
            if (!histogram.isEmpty()) {
                sb.append(' ').append(String.join(", ", histogram)).append('.');
            }
        }
        if (!postFilterMsg.isEmpty()) {
            sb.append(' ').append(postFilterMsg);
        }
        return sb.toString();
    }

    /** {@code "<count> <reason>"} for every distinct reason, sorted as Go's {@code sort.Strings}. */
    static List<String> histogram(Map<String, Status> statuses) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Status s : statuses.values()) {
            for (String reason : s.reasons()) {
                counts.merge(reason, 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        counts.forEach((reason, count) -> out.add(count + " " + reason));
        // byte-wise order, as Go sorts strings; Java's compareTo agrees for the ASCII reasons
        Collections.sort(out);
        return out;
    }
}
