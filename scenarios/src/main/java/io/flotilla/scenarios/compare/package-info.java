/**
 * The side-by-side comparison behind {@code flotilla compare}: one scenario run under each
 * strategy and seed, and outcome metrics (recovery after each fault, tasks moved, tasks pending,
 * spread over nodes and zones, peak reservations) computed as plain functions of the event log
 * and the scenario, like expectations. Nothing here reaches into a running cluster, so a strategy
 * is compared as soon as it writes the common events.
 */
package io.flotilla.scenarios.compare;
