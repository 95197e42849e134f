/**
 * Chaos runs that check themselves: a random fault schedule drawn from a seed, written as an
 * ordinary timeline, run under each strategy while every {@link io.flotilla.scenarios.chaos.Invariant}
 * looks at the log as it is folded, event by event; a run that breaks one is written out as a
 * standalone scenario and shrunk to the fewest timeline items, nodes and services that still break
 * it. The invariants are in {@code chaos.invariants}, listed in {@link io.flotilla.scenarios.chaos.invariants.Invariants}.
 */
package io.flotilla.scenarios.chaos;
