/**
 * The cluster as the event log tells it at a moment: what is really true (which tasks run
 * where, which nodes are up, each task's addresses and health) and, beside it, what the manager
 * believes and what each node believes of the data plane (its DNS answers and load balancers), and
 * the traffic counted so far. Expectations, results and reports read this view; none of them
 * reaches into actors.
 */
package io.flotilla.sim.view;
