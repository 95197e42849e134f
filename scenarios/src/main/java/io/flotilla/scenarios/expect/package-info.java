/**
 * Checks a scenario's expectations against the event log, each at its own moment; a check about
 * requests sent before its moment reads their fates, which the log records later, from the whole run.
 */
package io.flotilla.scenarios.expect;
