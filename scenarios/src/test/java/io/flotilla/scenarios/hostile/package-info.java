/**
 * Hostile input is harmless: property campaigns over the parser and the command line (mutated
 * examples, every schema key with hostile values, hostile names, random documents) judged by
 * {@code Verdict}, and the output of what a scenario may still hold.
 */
package io.flotilla.scenarios.hostile;
