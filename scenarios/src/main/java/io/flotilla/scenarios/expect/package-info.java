/** Checks a scenario's expectations against the event log, each at its own moment. */
package io.flotilla.scenarios.expect;
