package io.flotilla.benchmarks.swarm;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.sim.swarm.ControlPlane;
import io.flotilla.sim.swarm.SwarmSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One node of the Swarm cluster of {@code zone-outage-5000-nodes.yaml} goes down while its 100,000
 * tasks run: the manager's {@link ControlPlane} alone, on a virtual clock ({@link ManagerWorld}).
 * Each invocation runs 12 s of virtual time in which one worker, silent since the last round, misses
 * its deadline: the dispatcher's sweep marks it down, the restart supervisor shuts down its tasks
 * (about 20) and creates their replacements, the orchestrator reconciles all 100 services, the
 * scheduler places the replacements on other nodes, and 5 s later they are told to run.
 *
 * <p>Before each invocation, and not timed, every other node heartbeats (the victim of the round
 * before comes back empty, as after a reboot) and reports running what it was given.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SwarmNodeDownBenchmark {

    static final long SECOND = 1_000_000_000L;
    /** Long enough for the victim's deadline (15 s ± 1.5 s after its last heartbeat) and the 5 s restart delay. */
    static final long ROUND = 12 * SECOND;

    private final ManagerWorld world = new ManagerWorld();
    private ControlPlane plane;
    private List<String> nodes;
    private List<String> workers;
    private Optional<String> previous = Optional.empty();
    private String victim;
    private int round;
    private long now;

    @Setup
    public void setUp() {
        plane = new ControlPlane(world, SwarmSettings.DEFAULT, List.of(), new SplittableRandom(1), Set.of());
        world.attach(plane);
        List<NodeSpec> specs = ZoneCluster.nodes();
        nodes = specs.stream().map(NodeSpec::name).toList();
        workers = nodes.stream().filter(n -> n.startsWith("worker-")).toList();
        specs.forEach(spec -> plane.addNode(spec, Availability.ACTIVE));
        nodes.forEach(world::register);
        for (ServiceSpec service : ZoneCluster.services()) {
            plane.deploy(service, KubernetesPodSpec.NONE);
        }
        now = SECOND;
        world.runUntil(now);
        world.reportRunning();
        nodes.forEach(world::heartbeat);
        // a quiet round, so that the first victim's deadline falls inside the first invocation
        now += ROUND;
        world.runUntil(now);
        victim = workers.get(0);
    }

    /** Everyone but the next victim heartbeats; the last victim comes back empty. */
    @Setup(Level.Invocation)
    public void nextRound() {
        previous.ifPresent(world::register);
        world.reportRunning();
        for (String node : nodes) {
            if (!node.equals(victim)) {
                world.heartbeat(node);
            }
        }
    }

    /** Every round must have taken its victim down, or the benchmark timed something else. */
    @TearDown(Level.Iteration)
    public void check() {
        if (world.downs != round) {
            throw new IllegalStateException(world.downs + " nodes down in " + round + " rounds");
        }
    }

    /** 12 s of virtual time in which the victim goes down and its tasks move. */
    @Benchmark
    public long nodeDown() {
        now += ROUND;
        world.runUntil(now);
        previous = Optional.of(victim);
        // the next victim: a worker of another zone, a thousand or so nodes on
        round++;
        victim = workers.get((round * 1_249) % workers.size());
        return world.events;
    }
}
