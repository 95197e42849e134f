package io.flotilla.benchmarks.swarm;

import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.kernel.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One heartbeat period (5 s of virtual time) of the whole simulated Swarm cluster of
 * {@code zone-outage-5000-nodes.yaml} once its 100,000 tasks run: 5,000 agents each send a
 * heartbeat, the manager's dispatcher moves the node's deadline and answers with the next period,
 * the deadline sweep runs. That is all a quiet hour does, 720 times. The score is the time of one
 * period, actors, virtual-time timers and the wire included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SwarmHeartbeatBenchmark {

    static final long SECOND = 1_000_000_000L;
    static final long PERIOD = 5 * SECOND;

    private Simulation<Cluster.Command> sim;

    @Setup
    public void setUp() {
        sim = ZoneCluster.deployed("heartbeats");
        // placed, pulled and running well before two minutes
        sim.runUntil(120 * SECOND);
    }

    @TearDown
    public void tearDown() {
        sim.close();
    }

    /** 5 s of virtual time: one heartbeat of each of the 5,000 nodes. */
    @Benchmark
    public long heartbeatPeriod() {
        sim.runFor(PERIOD);
        return sim.now();
    }
}
