package io.flotilla.benchmarks.swarm;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.kernel.EventLog;
import io.flotilla.sim.kernel.Simulation;
import io.flotilla.sim.view.ClusterView;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fold a run ends with: the event log of the 5,000-node deploy of
 * {@code zone-outage-5000-nodes.yaml} (100,000 tasks placed and running, 1.6 million events) applied
 * to a fresh {@link ClusterView}, the view the expectations and {@code run --json} read. The score is
 * one whole fold, warm; a run does it once, partly in code not yet compiled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// the collector and heap the launcher runs with: under the JVM's default collector the score wandered by half
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms2g", "-Xmn128m", "-XX:MaxTenuringThreshold=0"})
public class SwarmLogFoldBenchmark {

    static final long SECOND = 1_000_000_000L;

    private final Map<String, NodeRole> roles = new LinkedHashMap<>();
    private final Map<String, Availability> availability = new LinkedHashMap<>();
    private EventLog log;

    @Setup
    public void deploy() {
        for (NodeSpec spec : ZoneCluster.nodes()) {
            roles.put(spec.name(), spec.role());
            availability.put(spec.name(), Availability.ACTIVE);
        }
        try (Simulation<Cluster.Command> sim = ZoneCluster.deployed("fold")) {
            sim.runUntil(60 * SECOND); // placed, pulled and running well before the minute
            log = sim.log();
        }
    }

    @Benchmark
    public int foldTheDeploy() {
        return new ClusterView(roles, availability).applyUntil(log, 0, Long.MAX_VALUE);
    }
}
