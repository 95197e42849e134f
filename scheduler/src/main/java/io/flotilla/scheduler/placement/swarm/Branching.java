package io.flotilla.scheduler.placement.swarm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One spread level worked out for every node of a pass: the distinct label values in ascending
 * order (the order branches are visited in) and, per node, the index of its value. Built once per
 * descriptor and pass, so that building a group's tree does no string work.
 */
record Branching(String[] values, int[] valueOf) {

    static Branching of(TaskDemand.SpreadLevel level, NodeInfo[] nodes) {
        String[] raw = new String[nodes.length];
        Map<String, Integer> distinct = new HashMap<>();
        for (int i = 0; i < nodes.length; i++) {
            raw[i] = level.branchOf(nodes[i].node.spec());
            distinct.putIfAbsent(raw[i], 0);
        }
        String[] values = distinct.keySet().toArray(new String[0]);
        Arrays.sort(values);
        for (int v = 0; v < values.length; v++) {
            distinct.put(values[v], v);
        }
        int[] valueOf = new int[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            valueOf[i] = distinct.get(raw[i]);
        }
        return new Branching(values, valueOf);
    }
}
