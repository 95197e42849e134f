package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass of swarmkit's scheduler as a pure function: preassigned tasks are checked against their
 * node, then each task group (service, spec version) is placed, in the order of its first task.
 * Nothing in the request is changed and nothing outside it is read.
 */
public final class SwarmPlacement {

    private record GroupKey(String service, int specVersion) {}

    /** Places every pending task it can. */
    public PlacementResult place(PlacementRequest request) {
        Symbols symbols = new Symbols();
        Decisions decisions = new Decisions(request.explainTaskIds());
        List<Task> preassigned = new ArrayList<>();
        Map<GroupKey, List<Task>> groups = new LinkedHashMap<>();
        List<Task> tracked = new ArrayList<>();
        for (Task t : request.tasks()) {
            if (t.state() == TaskState.PENDING) {
                if (!wanted(t)) {
                    decisions.shutDown.add(t.id());
                    continue;
                }
                symbols.internService(t.service());
                if (t.isAssigned()) {
                    preassigned.add(t);
                } else {
                    groups.computeIfAbsent(new GroupKey(t.service(), t.specVersion()), k -> new ArrayList<>()).add(t);
                }
            } else if (t.state().compareTo(TaskState.PENDING) > 0 && !t.state().isTerminal() && t.isAssigned()) {
                tracked.add(t);
            }
        }

        Cluster cluster = new Cluster(request.nodes(), symbols, request.failures(), request.nowNanos());
        for (Task t : tracked) {
            NodeInfo node = cluster.node(t.node());
            if (node != null) {
                node.add(cluster.usage(t.spec()), symbols.service(t.service()), wanted(t));
            }
        }

        Map<GroupKey, TaskDemand> demands = new HashMap<>();
        for (Task t : preassigned) {
            NodeInfo node = cluster.node(t.node());
            if (node != null) {
                TaskDemand demand = demands.computeIfAbsent(
                        new GroupKey(t.service(), t.specVersion()), k -> TaskDemand.of(t, symbols, cluster.usage(t.spec())));
                confirm(t, node, demand, cluster, decisions);
            }
        }

        GroupScheduler scheduler = new GroupScheduler(cluster, decisions);
        for (List<Task> group : groups.values()) {
            Task first = group.get(0);
            scheduler.schedule(group, TaskDemand.of(first, symbols, cluster.usage(first.spec())));
        }
        return decisions.result();
    }

    /**
     * Desired at most COMPLETE: such a task counts as active on its node (nodeinfo.go), and only such
     * a pending task is placed.
     */
    private static boolean wanted(Task t) {
        return t.desired().compareTo(TaskState.COMPLETE) <= 0;
    }

    /** Swarmkit's taskFitNode: the preassigned node must pass the pipeline; the error has no wrapper. */
    private static void confirm(Task t, NodeInfo node, TaskDemand demand, Cluster cluster, Decisions decisions) {
        Pipeline pipeline = new Pipeline(demand);
        boolean fits = pipeline.process(node);
        if (decisions.wantsExplanation(t)) {
            Ranking ranking = new Ranking(demand.serviceIndex(), cluster.recentFailures(t.service(), t.specVersion()));
            decisions.explain(t, fits ? Optional.of(node.name) : Optional.empty(), new NodeInfo[] {node}, pipeline, ranking);
        }
        if (fits) {
            decisions.assignments.add(new Assignment(t.id(), node.name, Assignment.CONFIRMED));
            node.add(cluster.usage(t.spec()), demand.serviceIndex(), true);
        } else {
            decisions.unplaced.add(new Unplaced(t.id(), pipeline.explain()));
        }
    }
}
