/**
 * Benchmarks of the Swarm control plane over time at 5,000 nodes and 100,000 tasks, the cluster of
 * {@code scenarios/bench/zone-outage-5000-nodes.yaml}: a heartbeat period of the whole simulated
 * cluster ({@link io.flotilla.benchmarks.swarm.SwarmHeartbeatBenchmark}), one node going down
 * with its tasks replaced ({@link io.flotilla.benchmarks.swarm.SwarmNodeDownBenchmark}), and the
 * deploy's event log folded into the view a run ends with
 * ({@link io.flotilla.benchmarks.swarm.SwarmLogFoldBenchmark}).
 */
package io.flotilla.benchmarks.swarm;
