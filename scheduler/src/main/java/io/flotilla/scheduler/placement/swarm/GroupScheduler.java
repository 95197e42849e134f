package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.Task;
import java.util.List;
import java.util.Optional;

/**
 * Places one task group, the tasks of one (service, spec version), as swarmkit's
 * {@code scheduleTaskGroup} does: one pipeline and one decision tree for the whole group, the tasks
 * split between branches by {@link #onSubtree} and spread over a leaf's nodes by {@link #onNodes}.
 * Tasks are taken in request order.
 */
final class GroupScheduler {

    static final String NO_SUITABLE_NODE = "no suitable node";

    private final Cluster cluster;
    private final Decisions decisions;

    private List<Task> tasks;
    private int next;
    private TaskDemand demand;
    private Pipeline pipeline;
    private Ranking ranking;

    GroupScheduler(Cluster cluster, Decisions decisions) {
        this.cluster = cluster;
        this.decisions = decisions;
    }

    void schedule(List<Task> group, TaskDemand groupDemand) {
        tasks = group;
        next = 0;
        demand = groupDemand;
        pipeline = new Pipeline(demand);
        ranking = new Ranking(demand.serviceIndex(), cluster.recentFailures(demand.service(), demand.specVersion()));
        DecisionTree tree = DecisionTree.build(
                cluster.nodes, demand.serviceIndex(), cluster.branchings(demand), group.size(), pipeline, ranking);
        onSubtree(group.size(), tree);
        if (next < tasks.size()) {
            String why = pipeline.explain();
            String error = why.isEmpty() ? NO_SUITABLE_NODE : NO_SUITABLE_NODE + " (" + why + ")";
            for (int i = next; i < tasks.size(); i++) {
                Task t = tasks.get(i);
                if (decisions.wantsExplanation(t)) {
                    decisions.explain(t, Optional.empty(), cluster.nodes, pipeline, ranking);
                }
                decisions.unplaced.add(new Unplaced(t.id(), error));
            }
        }
    }

    /**
     * Swarmkit's scheduleNTasksOnSubtree: asks each branch, in label order, for what would bring it
     * to an even share of the subtree's tasks, marks a branch that places fewer than asked as full
     * and spreads its share over the others in the next round. Rounds end when n tasks are placed,
     * every branch is full, or a round neither placed a task nor filled a branch (the guard swarmkit
     * added against the loop that TestMultiplePreferencesScaleUp exercises). Returns the tasks placed,
     * which can be more than n: a branch may be asked for more than its parent's share.
     */
    private int onSubtree(int n, DecisionTree tree) {
        if (tree.isLeaf()) {
            int count = tree.orderedNodes(cluster.nodes, pipeline, ranking);
            return count == 0 ? 0 : onNodes(n, tree.nodes(), count);
        }
        DecisionTree[] branches = tree.branches();
        boolean[] noRoom = new boolean[branches.length];
        int full = 0;
        int scheduled = 0;
        int usableTasks = tree.tasks;
        while (scheduled != n && full != branches.length) {
            int open = branches.length - full;
            int desired = (usableTasks + n - scheduled) / open;
            int remainder = (usableTasks + n - scheduled) % open;
            boolean progress = false;
            for (int b = 0; b < branches.length; b++) {
                DecisionTree branch = branches[b];
                if (noRoom[b] || !(branch.tasks < desired || (branch.tasks == desired && remainder > 0))) {
                    continue;
                }
                int ask = desired - branch.tasks + (remainder > 0 ? 1 : 0);
                int placed = onSubtree(ask, branch);
                if (placed < ask) {
                    noRoom[b] = true;
                    full++;
                    usableTasks -= branch.tasks;
                    progress = true;
                } else if (remainder > 0) {
                    remainder--;
                }
                scheduled += placed;
                progress |= placed > 0;
            }
            if (!progress) {
                break;
            }
        }
        return scheduled;
    }

    /**
     * Swarmkit's scheduleNTasksOnNodes over a leaf's nodes, best first. In the first pass it stays on
     * a node until the next one ranks strictly better, which levels the lightest nodes; later passes
     * go round-robin. A node that no longer passes the pipeline is skipped from then on; when none
     * passes, the leaf is done.
     */
    private int onNodes(int n, int[] order, int count) {
        NodeInfo[] all = cluster.nodes;
        int scheduled = 0;
        boolean[] failed = null;
        long iter = 0;
        while (next < tasks.size()) {
            NodeInfo node = all[order[(int) (iter % count)]];
            assign(tasks.get(next++), node);
            scheduled++;
            if (scheduled == n) {
                return scheduled;
            }
            if (iter + 1 < count) {
                if (ranking.less(all[order[(int) ((iter + 1) % count)]], node)) {
                    iter++;
                }
            } else {
                iter++;
            }
            long start = iter;
            while ((failed != null && failed[(int) (iter % count)]) || !pipeline.process(all[order[(int) (iter % count)]])) {
                if (failed == null) {
                    failed = new boolean[count];
                }
                failed[(int) (iter % count)] = true;
                iter++;
                if (iter - start == count) {
                    return scheduled;
                }
            }
        }
        return scheduled;
    }

    private void assign(Task task, NodeInfo node) {
        if (decisions.wantsExplanation(task)) {
            decisions.explain(task, Optional.of(node.name), cluster.nodes, pipeline, ranking);
        }
        decisions.assignments.add(new Assignment(task.id(), node.name, Assignment.ASSIGNED));
        Usage usage = task.spec() == demand.spec() ? demand.usage() : cluster.usage(task.spec());
        node.add(usage, demand.serviceIndex(), true);
    }
}
