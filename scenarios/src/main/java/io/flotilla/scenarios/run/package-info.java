/** Turns a validated scenario into a simulated cluster, plays its timeline in virtual time and returns the event log. */
package io.flotilla.scenarios.run;
