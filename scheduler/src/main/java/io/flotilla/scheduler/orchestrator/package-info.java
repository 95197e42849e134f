/**
 * Swarmkit's orchestration rules as pure functions: which tasks a service should have, which
 * stopped task is replaced and when, which tasks a scale-down removes. The simulated manager
 * applies what these functions decide; they never see time except as an argument.
 */
package io.flotilla.scheduler.orchestrator;
