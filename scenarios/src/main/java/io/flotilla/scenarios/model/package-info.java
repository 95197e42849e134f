/**
 * The validated, fully resolved scenario: what a scenario file means once every default is filled
 * in, every {@code count} expanded, every unit converted (times are virtual nanoseconds, sizes are
 * bytes, CPUs are nano-CPUs) and every reference checked. Only the parser in
 * {@code io.flotilla.scenarios.parse} builds these; the runner trusts them and never re-validates.
 * No component is ever {@code null}: optional values are {@code Optional} or {@code OptionalLong}.
 */
package io.flotilla.scenarios.model;
