/**
 * The cluster as the event log tells it at a moment: what is really true (which tasks run
 * where, which nodes are up) and, beside it, what the manager believes. Expectations, results
 * and reports read this view; none of them reaches into actors.
 */
package io.flotilla.sim.view;
