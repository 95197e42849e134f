/**
 * What a run prints: the human timeline (the data plane's per-node changes grouped when nodes change
 * alike, traffic told while requests fail) and summary, the JSON result of the scenario contract,
 * and the report of one request followed through the data plane ({@code explain --request}).
 */
package io.flotilla.scenarios.output;
