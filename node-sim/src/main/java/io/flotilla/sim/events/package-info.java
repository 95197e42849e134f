/**
 * Everything that happens in a run, as records for the event log. Events named after what
 * really happened ({@link TaskStateChanged}, {@link NodeCrashed}) are the truth; events named
 * after what the manager records ({@link TaskObserved}, {@link NodeStatusChanged}) are its
 * belief, which lags the truth while messages are lost or heartbeats are still awaited.
 * {@link ActionIgnored} is neither: a timeline action that found nothing to change.
 */
package io.flotilla.sim.events;
