/**
 * Benchmarks of the simulation kernel alone: the virtual clock's queue of timers as heartbeats
 * use it ({@link io.flotilla.benchmarks.kernel.TimeQueueBenchmark}).
 */
package io.flotilla.benchmarks.kernel;
