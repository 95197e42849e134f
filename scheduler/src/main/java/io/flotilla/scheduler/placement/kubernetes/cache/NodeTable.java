package io.flotilla.scheduler.placement.kubernetes.cache;

import io.flotilla.scheduler.placement.kubernetes.Taint;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the filter and score plugins read for every candidate node, copied into arrays by node index.
 * A cycle walks the same few hundred nodes once per plugin; reading packed arrays instead of a few
 * hundred scattered {@link NodeInfo} objects each time is what keeps a cycle within tens of
 * microseconds. {@link NodeInfo} stays the truth: the cluster state copies a node's row after
 * every change to it. Rows are read by node index ({@link NodeInfo#index()}).
 */
public final class NodeTable {

    private long[] allocatableMilliCpu = new long[16];
    private long[] allocatableMemory = new long[16];
    private long[] requestedMilliCpu = new long[16];
    private long[] requestedMemory = new long[16];
    private long[] nonZeroMilliCpu = new long[16];
    private long[] nonZeroMemory = new long[16];
    private long[] allocatableEphemeralStorage = new long[16];
    private long[] requestedEphemeralStorage = new long[16];
    private long[] allocatablePods = new long[16];
    private long[] podCount = new long[16];
    private boolean[] unschedulable = new boolean[16];
    private int[] taintSet = new int[16];
    /**
     * Each list of taints a node with filtering taints has had, numbered from 1 as first seen (0: no
     * filtering taint). Nodes with equal lists get one number, so a pod's verdict on one holds for all.
     */
    private final Map<List<Taint>, Integer> taintSets = new HashMap<>();
    private final ScoreMemo leastAllocated = new ScoreMemo();
    private final ScoreMemo balanced = new ScoreMemo();

    NodeTable() {}

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
            allocatableEphemeralStorage = Arrays.copyOf(allocatableEphemeralStorage, size);
            requestedEphemeralStorage = Arrays.copyOf(requestedEphemeralStorage, size);
            allocatablePods = Arrays.copyOf(allocatablePods, size);
            podCount = Arrays.copyOf(podCount, size);
            unschedulable = Arrays.copyOf(unschedulable, size);
            taintSet = Arrays.copyOf(taintSet, size);
        }
        allocatableMilliCpu[i] = n.allocatableMilliCpu;
        allocatableMemory[i] = n.allocatableMemory;
        requestedMilliCpu[i] = n.requestedMilliCpu;
        requestedMemory[i] = n.requestedMemory;
        nonZeroMilliCpu[i] = n.nonZeroMilliCpu;
        nonZeroMemory[i] = n.nonZeroMemory;
        allocatableEphemeralStorage[i] = n.allocatableEphemeralStorage;
        requestedEphemeralStorage[i] = n.requestedEphemeralStorage;
        allocatablePods[i] = n.allocatablePods;
        podCount[i] = n.podCount;
        unschedulable[i] = n.unschedulable;
        taintSet[i] = n.filteringTaints ? taintSets.computeIfAbsent(n.taints(), t -> taintSets.size() + 1) : 0;
        leastAllocated.forget(i);
        balanced.forget(i);
    }

    void rebuild(List<NodeInfo> nodes) {
        for (NodeInfo n : nodes) {
            sync(n);
        }
    }

    public long allocatableMilliCpu(int x) {
        return allocatableMilliCpu[x];
    }

    public long allocatableMemory(int x) {
        return allocatableMemory[x];
    }

    public long allocatableEphemeralStorage(int x) {
        return allocatableEphemeralStorage[x];
    }

    public long allocatablePods(int x) {
        return allocatablePods[x];
    }

    /** By the bound pods' real requests. */
    public long requestedMilliCpu(int x) {
        return requestedMilliCpu[x];
    }

    public long requestedMemory(int x) {
        return requestedMemory[x];
    }

    public long requestedEphemeralStorage(int x) {
        return requestedEphemeralStorage[x];
    }

    /** By the bound pods' requests as scoring counts them (100m for a container that names none). */
    public long nonZeroMilliCpu(int x) {
        return nonZeroMilliCpu[x];
    }

    public long nonZeroMemory(int x) {
        return nonZeroMemory[x];
    }

    public long podCount(int x) {
        return podCount[x];
    }

    /** Cordoned. */
    public boolean unschedulable(int x) {
        return unschedulable[x];
    }

    /** Whether some taint has effect NoSchedule or NoExecute, so that TaintToleration's Filter has something to check. */
    public boolean filteringTaints(int x) {
        return taintSet[x] != 0;
    }

    /** The number of the node's list of taints, shared by every node whose list is equal; 0 without filtering taints. */
    public int taintSet(int x) {
        return taintSet[x];
    }

    /** One more than the highest {@link #taintSet} number given so far. */
    public int taintSets() {
        return taintSets.size() + 1;
    }

    /** LeastAllocated over cpu and memory, by the pod's non-zero requests. */
    public ScoreMemo leastAllocated() {
        return leastAllocated;
    }

    /** BalancedAllocation over cpu and memory, by the pod's requests. */
    public ScoreMemo balanced() {
        return balanced;
    }
}
