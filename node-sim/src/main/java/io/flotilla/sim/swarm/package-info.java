/**
 * The Swarm control plane as plain objects, run inside the {@code Manager} actor, which acts on the
 * world for it through {@link io.flotilla.sim.control.ControlPlaneEffects}: time, timers, messages to
 * nodes and the event log.
 *
 * <p>The parts:
 * <ul>
 *   <li>{@code ClusterStore}: the manager's record of nodes, services and tasks (swarmkit keeps it in raft);</li>
 *   <li>{@code Dispatcher}: heartbeats, node status (ready, unknown after a leader change, down), tasks
 *       orphaned a day after their node went down;</li>
 *   <li>{@code Orchestrator}: the replicated and global orchestrators, bringing each service to the
 *       tasks it should have;</li>
 *   <li>{@code RestartSupervisor}: whether a stopped task is replaced, and when the replacement may run;</li>
 *   <li>{@code Updater}: rolling updates and rollbacks ({@code RollingUpdate} is one in progress);</li>
 *   <li>{@code SchedulerLoop}: swarmkit's scheduler over the pending tasks, debounced;</li>
 *   <li>{@code Allocator}: overlay addresses for services and tasks;</li>
 *   <li>{@code TaskLifecycle}: every change to a task (created, assigned, observed, desired state,
 *       shut down) goes through it.</li>
 * </ul>
 *
 * <p>How they talk. No part holds {@link io.flotilla.sim.swarm.ControlPlane}; each is given only
 * what it uses. As in swarmkit, where the parts watch the store, they react to changes:
 * <ul>
 *   <li>{@code TaskLifecycle} writes a task change to the store, logs it and tells the
 *       {@code TaskWatcher}s: the scheduler (to place pending tasks again and remember failures),
 *       the updater (to follow the tasks it created) and the restart supervisor (to replace tasks
 *       that ended), in that order;</li>
 *   <li>the dispatcher, and the operator's node commands, tell the {@code NodeEvents} listeners that
 *       a node is ready, lost (down or removed), has another availability, or had its tasks orphaned:
 *       the scheduler, then the orchestrators, then the restart supervisor;</li>
 *   <li>what must happen once the current input is handled is queued: services to reconcile in a
 *       {@code ReconcileQueue}, assignment changes for nodes in an {@code AssignmentOutbox};
 *       {@code ControlPlane} works through both before it returns;</li>
 *   <li>the dispatcher answers nodes through a {@code NodeChannel}; parts that wait arm
 *       {@link io.flotilla.sim.swarm.ControlTimer}s on {@code Timers}, and {@code ControlPlane} hands
 *       each fired timer to its part; events go to an {@code EventSink}.</li>
 * </ul>
 *
 * <p>Two calls are direct, as they are upstream: the orchestrator asks the restart supervisor to
 * restart a task, and the updater asks it to hold a new task until the old one has stopped.
 * {@code ControlPlane} builds the parts and wires them; the order in which listeners hear of a
 * change is part of the simulation's behaviour and is fixed there.
 */
package io.flotilla.sim.swarm;
