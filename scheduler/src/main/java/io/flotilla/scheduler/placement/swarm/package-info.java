/**
 * Docker Swarm's task placement (swarmkit {@code manager/scheduler}) as a pure function:
 * {@link io.flotilla.scheduler.placement.swarm.SwarmPlacement#place} takes the nodes, every task and
 * the recent failures, and returns assignments, the exact upstream errors of tasks left pending, and
 * on request per-node explanations. It owns the constraint language, the filter pipeline (ready,
 * resources with generic kinds, volume plugins, constraints, platform, host ports, max replicas;
 * swarmkit's CSI volume filter is not modelled), the node ranking and the spread-preference tree.
 *
 * <p>Where swarmkit is random, the result is fixed: equally ranked nodes go to the one listed first
 * in the request; tree branches are visited in ascending label-value order; task groups in the
 * order of their first task; preassigned tasks before the others. Where swarmkit reacts to store
 * events this pass reads a snapshot: a PENDING task whose desired state is SHUTDOWN or later is never
 * placed but listed in {@code shutDown} for the caller to apply (swarmkit skips such tasks when it
 * loads the store and shuts them down once they fail to fit, TestUnscheduleableTask); a preassigned
 * task whose node is unknown is left as it is; spec versions are not compared with the service's.
 */
package io.flotilla.scheduler.placement.swarm;
