package io.flotilla.scheduler.placement.kubernetes;

import java.util.Arrays;
import java.util.List;

/**
 * The numbers every score plugin reads for every candidate node, copied into arrays by node index.
 * Scoring walks the same few hundred nodes once per plugin; reading packed arrays instead of a
 * few hundred scattered {@link NodeInfo} objects each time is what keeps a cycle within tens of
 * microseconds. {@link NodeInfo} stays the truth: the cluster state copies a node's row after
 * every change to it.
 */
final class NodeTable {

    long[] allocatableMilliCpu = new long[16];
    long[] allocatableMemory = new long[16];
    long[] requestedMilliCpu = new long[16];
    long[] requestedMemory = new long[16];
    long[] nonZeroMilliCpu = new long[16];
    long[] nonZeroMemory = new long[16];

    void sync(NodeInfo n) {
        int i = n.index;
        if (i >= allocatableMilliCpu.length) {
            int size = Math.max(i + 1, allocatableMilliCpu.length * 2);
            allocatableMilliCpu = Arrays.copyOf(allocatableMilliCpu, size);
            allocatableMemory = Arrays.copyOf(allocatableMemory, size);
            requestedMilliCpu = Arrays.copyOf(requestedMilliCpu, size);
            requestedMemory = Arrays.copyOf(requestedMemory, size);
            nonZeroMilliCpu = Arrays.copyOf(nonZeroMilliCpu, size);
            nonZeroMemory = Arrays.copyOf(nonZeroMemory, size);
        }
        allocatableMilliCpu[i] = n.allocatableMilliCpu;
        allocatableMemory[i] = n.allocatableMemory;
        requestedMilliCpu[i] = n.requestedMilliCpu;
        requestedMemory[i] = n.requestedMemory;
        nonZeroMilliCpu[i] = n.nonZeroMilliCpu;
        nonZeroMemory[i] = n.nonZeroMemory;
    }

    void rebuild(List<NodeInfo> nodes) {
        for (NodeInfo n : nodes) {
            sync(n);
        }
    }
}
