/** What a run prints: the human timeline and summary, and the JSON result of the scenario contract. */
package io.flotilla.scenarios.output;
