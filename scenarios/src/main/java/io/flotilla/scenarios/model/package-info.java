/**
 * The validated, fully resolved scenario: what a scenario file means once every default is filled
 * in, every {@code count} expanded, every unit converted (times are virtual nanoseconds, sizes are
 * bytes, CPUs are nano-CPUs) and every reference checked. Only the parser in
 * {@code io.flotilla.scenarios.parse} builds these; the runner trusts them and never re-validates.
 * A timeline action knows the cluster commands it stands for, and a check how it is evaluated.
 * No component is ever {@code null}: optional values are {@code Optional} or {@code OptionalLong}.
 */
package io.flotilla.scenarios.model;
