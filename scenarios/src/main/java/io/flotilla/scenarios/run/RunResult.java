package io.flotilla.scenarios.run;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.sim.kernel.EventLog;

/** One finished run: the scenario, the strategy and seed it ran with, its end time and its event log. */
public record RunResult(Scenario scenario, Strategy strategy, long seed, long end, EventLog log) {}
