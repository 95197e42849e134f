package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.Node;
import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.Resources;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The scheduler's running view of one node during a pass (swarmkit {@code NodeInfo}): what is still
 * free after the reservations of the tasks it tracks, the host ports they hold, and how many of them
 * count as active (desired state at most COMPLETE), in total and per service.
 */
final class NodeInfo {

    /** A generic resource kind the node does not offer at all. */
    private static final long ABSENT = Long.MIN_VALUE;

    final int index;
    final Node node;
    final String name;
    final boolean ready;

    private long nanoCpus;
    private long memoryBytes;
    private final long[] generic;
    private int activeTasks;
    private final int[][] tasksByService;
    private Set<Long> hostPorts;

    /** {@code tasksByService[service][node]} is shared by all nodes of the pass. */
    NodeInfo(int index, Node node, Symbols symbols, int[][] tasksByService) {
        this.index = index;
        this.node = node;
        this.name = node.name();
        this.ready = node.status() == NodeStatus.READY && node.availability() == Availability.ACTIVE;
        Resources total = node.spec().resources() == null ? Resources.NONE : node.spec().resources();
        this.nanoCpus = total.nanoCpus();
        this.memoryBytes = total.memoryBytes();
        this.generic = new long[symbols.genericKindCount()];
        Arrays.fill(generic, ABSENT);
        for (Map.Entry<String, Long> e : total.generic().entrySet()) {
            generic[symbols.genericKind(e.getKey())] = e.getValue();
        }
        this.tasksByService = tasksByService;
    }

    int activeTasks() {
        return activeTasks;
    }

    int serviceTasks(int service) {
        return service == Symbols.NONE ? 0 : tasksByService[service][index];
    }

    /** Starts tracking a task: its reservations and host ports, and its count while active. */
    void add(Usage u, int service, boolean active) {
        nanoCpus -= u.nanoCpus();
        memoryBytes -= u.memoryBytes();
        int[] kinds = u.genericKinds();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] < generic.length && generic[kinds[i]] != ABSENT) {
                generic[kinds[i]] -= u.genericAmounts()[i];
            }
        }
        if (u.hostPorts().length > 0) {
            if (hostPorts == null) {
                hostPorts = new HashSet<>();
            }
            for (long p : u.hostPorts()) {
                hostPorts.add(p);
            }
        }
        if (active) {
            activeTasks++;
            if (service != Symbols.NONE) {
                tasksByService[service][index]++;
            }
        }
    }

    /** Swarmkit's ResourceFilter check; a generic kind the node lacks never fits. */
    boolean fits(Usage u) {
        if (u.nanoCpus() > nanoCpus || u.memoryBytes() > memoryBytes) {
            return false;
        }
        int[] kinds = u.genericKinds();
        for (int i = 0; i < kinds.length; i++) {
            int k = kinds[i];
            if (k >= generic.length || generic[k] == ABSENT || u.genericAmounts()[i] > generic[k]) {
                return false;
            }
        }
        return true;
    }

    boolean portsFree(long[] ports) {
        if (hostPorts == null) {
            return true;
        }
        for (long p : ports) {
            if (hostPorts.contains(p)) {
                return false;
            }
        }
        return true;
    }
}
