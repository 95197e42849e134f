/**
 * The invariants a chaos run checks, one small class each, listed in order in {@link
 * io.flotilla.scenarios.chaos.invariants.Invariants}; each has a test that breaks it on a hand-made
 * event stream. docs/chaos.md says what each means.
 */
package io.flotilla.scenarios.chaos.invariants;
