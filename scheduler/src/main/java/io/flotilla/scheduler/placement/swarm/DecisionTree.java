package io.flotilla.scheduler.placement.swarm;

import java.util.Arrays;
import java.util.Objects;

/**
 * Swarmkit's decision tree for spread preferences ({@code nodeSet.tree}, {@code decision_tree.go}).
 * Every node of the pass, feasible or not, walks one level per spread descriptor to the branch of its
 * label value ("" when it has none), adding its tasks of the service to every subtree on the way; so
 * a zone of drained nodes is still a branch, with an empty leaf. Each leaf keeps, in a bounded
 * max-heap, the best feasible nodes, at most as many as the group has tasks. Branches are kept in
 * ascending label-value order, which is the order the scheduler visits them in.
 */
final class DecisionTree {

    private static final int[] NO_NODES = new int[0];

    /** The service's active tasks in this subtree when the tree was built (swarmkit never updates it). */
    int tasks;

    /** Inner trees: the branch for each label value index of the level below, or null. */
    private DecisionTree[] byValue;
    private DecisionTree[] branches;
    private int[] nodes = NO_NODES;
    private int size;
    private boolean used;

    static DecisionTree build(
            NodeInfo[] all, int service, Branching[] levels, int maxAssignments, Pipeline pipeline, Ranking ranking) {
        DecisionTree root = new DecisionTree();
        for (NodeInfo node : all) {
            int serviceTasks = node.serviceTasks(service);
            DecisionTree tree = root;
            for (Branching level : levels) {
                tree.tasks += serviceTasks;
                if (tree.byValue == null) {
                    tree.byValue = new DecisionTree[level.values().length];
                }
                int value = level.valueOf()[node.index];
                DecisionTree next = tree.byValue[value];
                if (next == null) {
                    next = new DecisionTree();
                    tree.byValue[value] = next;
                }
                tree = next;
            }
            tree.tasks += serviceTasks;
            tree.offer(node, maxAssignments, all, pipeline, ranking);
        }
        return root;
    }

    boolean isLeaf() {
        return byValue == null;
    }

    /** The branches in ascending label-value order; only on an inner tree. */
    DecisionTree[] branches() {
        if (branches == null) {
            branches = Arrays.stream(byValue).filter(Objects::nonNull).toArray(DecisionTree[]::new);
        }
        return branches;
    }

    /**
     * Like swarmkit, the pipeline only sees a node while the heap has room or when the node beats the
     * worst one kept, so the failure counts depend on this order.
     */
    private void offer(NodeInfo node, int max, NodeInfo[] all, Pipeline pipeline, Ranking ranking) {
        if (size < max) {
            if (pipeline.process(node)) {
                if (size == nodes.length) {
                    int[] grown = new int[Math.min(max, Math.max(8, size * 2))];
                    System.arraycopy(nodes, 0, grown, 0, size);
                    nodes = grown;
                }
                nodes[size] = node.index;
                siftUp(size++, all, ranking);
            }
        } else if (ranking.less(node, all[nodes[0]]) && pipeline.process(node)) {
            nodes[0] = node.index;
            siftDown(0, size, all, ranking);
        }
    }

    /**
     * The leaf's nodes, best first, in {@link #nodes()}; returns how many. A leaf used before has its
     * nodes checked by the pipeline again (they may have filled up), as swarmkit's orderedNodes does.
     */
    int orderedNodes(NodeInfo[] all, Pipeline pipeline, Ranking ranking) {
        if (used) {
            for (int i = 0; i < size; ) {
                if (pipeline.process(all[nodes[i]])) {
                    i++;
                } else {
                    nodes[i] = nodes[--size];
                }
            }
            for (int i = size / 2 - 1; i >= 0; i--) {
                siftDown(i, size, all, ranking);
            }
        }
        used = true;
        for (int end = size - 1; end > 0; end--) {
            int worst = nodes[0];
            nodes[0] = nodes[end];
            nodes[end] = worst;
            siftDown(0, end, all, ranking);
        }
        return size;
    }

    int[] nodes() {
        return nodes;
    }

    /** Max-heap on the ranking: the worst kept node is at the top. */
    private void siftUp(int i, NodeInfo[] all, Ranking ranking) {
        int x = nodes[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (ranking.compare(all[nodes[parent]], all[x]) >= 0) {
                break;
            }
            nodes[i] = nodes[parent];
            i = parent;
        }
        nodes[i] = x;
    }

    private void siftDown(int i, int n, NodeInfo[] all, Ranking ranking) {
        int x = nodes[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && ranking.compare(all[nodes[child + 1]], all[nodes[child]]) > 0) {
                child++;
            }
            if (ranking.compare(all[x], all[nodes[child]]) >= 0) {
                break;
            }
            nodes[i] = nodes[child];
            i = child;
        }
        nodes[i] = x;
    }
}
