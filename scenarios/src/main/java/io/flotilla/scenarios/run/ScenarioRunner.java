package io.flotilla.scenarios.run;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scenarios.model.NetworkDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.StorageClassDecl;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scenarios.model.VolumeDecl;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.storage.Replication;
import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.cluster.ClusterSetup;
import io.flotilla.sim.cluster.Image;
import io.flotilla.sim.cluster.Manager;
import io.flotilla.sim.cluster.NodeSetup;
import io.flotilla.sim.control.NetworkSetup;
import io.flotilla.sim.kernel.Simulation;
import io.flotilla.sim.kubernetes.KubernetesSettings;
import io.flotilla.sim.storage.StorageSetup;
import io.flotilla.sim.swarm.SwarmSettings;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs a scenario: builds the cluster from its nodes, networks and traffic clients, creates its
 * storage classes and deploys its services and statefulsets at time 0, sends each timeline action at its time, and runs virtual time to the
 * scenario's end.
 */
public final class ScenarioRunner {

    /** Images a scenario does not describe: 100MB, one second from start to running. */
    static final long DEFAULT_IMAGE_BYTES = 100L * 1024 * 1024;
    static final long DEFAULT_START_NANOS = 1_000_000_000L;
    /** How many steps a run with a progress listener is cut into. */
    static final int PROGRESS_STEPS = 500;

    private ScenarioRunner() {}

    public static RunResult run(Scenario scenario, RunOptions options) {
        return run(scenario, options, RunProgress.NONE);
    }

    /** Runs the scenario, telling {@code progress} how far it got every 1/{@value #PROGRESS_STEPS} of its time. */
    public static RunResult run(Scenario scenario, RunOptions options, RunProgress progress) {
        try (FinishedRun finished = runToEnd(scenario, options, progress)) {
            return finished.result();
        }
    }

    /**
     * A run at its end with its actor system still up, idle: {@link #close}, on the thread that ran
     * it (the simulation's driver), stops it. A command line that exits once it has written the
     * result may leave it to the JVM's exit instead, as nothing in it outlives the process (no file,
     * no socket; Pekko's shutdown hooks are off): stopping the actors of 5,000 nodes takes a tenth
     * of a second or more, in code that runs once per run.
     */
    public record FinishedRun(RunResult result, Simulation<Cluster.Command> simulation) implements AutoCloseable {

        @Override
        public void close() {
            simulation.close();
        }
    }

    /** Runs the scenario as {@link #run(Scenario, RunOptions, RunProgress)} does, leaving its actor system up. */
    public static FinishedRun runToEnd(Scenario scenario, RunOptions options, RunProgress progress) {
        Strategy strategy = options.strategy().orElse(scenario.strategy());
        long seed = options.seed().orElse(scenario.seed());
        ClusterSetup setup = setup(scenario, strategy, options);
        Simulation<Cluster.Command> sim = Simulation.start("flotilla", seed, kernel -> Cluster.create(setup, kernel));
        try {
            simulate(sim, scenario, progress);
            return new FinishedRun(new RunResult(scenario, strategy, seed, scenario.until(), sim.log()), sim);
        } catch (Throwable failure) {
            try {
                sim.close();
            } catch (RuntimeException | Error alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
    }

    private static void simulate(Simulation<Cluster.Command> sim, Scenario scenario, RunProgress progress) {
        for (StorageClassDecl c : scenario.storageClasses().values()) {
            sim.tellAt(0, sim.root(), new Cluster.Operator(new Manager.CreateStorageClass(c.spec())));
        }
        for (ServiceSpec service : scenario.services()) {
            sim.tellAt(0, sim.root(), new Cluster.Deploy(service, scenario.pod(service.name())));
        }
        for (StatefulSetDecl set : scenario.statefulsets()) {
            sim.tellAt(0, sim.root(), new Cluster.Operator(new Manager.DeployStatefulSet(set.spec(), scenario.pod(set.name()))));
        }
        for (TimelineItem item : scenario.timeline()) {
            for (Cluster.Command command : item.action().commands()) {
                sim.tellAt(item.at(), sim.root(), command);
            }
        }
        if (progress == RunProgress.NONE) {
            sim.runUntil(scenario.until());
        } else {
            long step = Math.max(1, scenario.until() / PROGRESS_STEPS);
            for (long now = Math.min(step, scenario.until()); ; now = Math.min(now + step, scenario.until())) {
                sim.runUntil(now);
                progress.reached(now, scenario.until(), sim.log());
                if (now == scenario.until()) {
                    break;
                }
            }
        }
    }

    /**
     * The simulated cluster of {@code scenario} under {@code strategy}: its nodes, its networks in
     * the order the file declares them (which fixes their subnets), its images, the orchestrator's
     * timings, its traffic clients and how its data plane behaves.
     */
    public static ClusterSetup setup(Scenario scenario, Strategy strategy, RunOptions options) {
        return new ClusterSetup(
                scenario.nodes().stream()
                        .map(n -> new NodeSetup(n.spec(), n.availability(), n.pullBandwidthBytesPerSecond(), n.disk(),
                                n.storageDriver()))
                        .toList(),
                scenario.networks().values().stream()
                        .sorted(Comparator.comparingInt((NetworkDecl n) -> n.pos().line()).thenComparingInt(n -> n.pos().column()))
                        .map(n -> new NetworkSetup(n.name(), n.driver(), n.subnet(), n.encrypted()))
                        .toList(),
                images(scenario),
                strategy == Strategy.KUBERNETES ? ClusterSetup.Orchestrator.KUBERNETES : ClusterSetup.Orchestrator.SWARM,
                new SwarmSettings(scenario.swarm().heartbeatPeriod(), scenario.swarm().heartbeatEpsilon(),
                        scenario.swarm().missedHeartbeats()),
                KubernetesSettings.of(scenario.kubernetes().nodeMonitorPeriod(), scenario.kubernetes().nodeMonitorGracePeriod(),
                        scenario.kubernetes().defaultTolerationSeconds()).withPodSecurity(scenario.kubernetes().podSecurity()),
                options.explainTasks(),
                scenario.traffic().stream().map(TrafficDecl::client).toList(),
                scenario.dataPlane(options.explainRequest(), options.accessLog()),
                new StorageSetup(scenario.volumes().values().stream().map(VolumeDecl::spec).toList(),
                        // Kubernetes' attach/detach controller attaches network volumes; Docker's plugins on mount
                        strategy == Strategy.KUBERNETES ? StorageSetup.Attachment.CONTROLLER : StorageSetup.Attachment.ON_MOUNT,
                        // the application replicates, not the orchestrator: the same under both strategies
                        replications(scenario)));
    }

    /** The statefulsets whose application replicates, those deployed later by the timeline too. */
    private static List<Replication> replications(Scenario scenario) {
        return Stream.concat(scenario.statefulsets().stream(), scenario.timeline().stream()
                        .filter(i -> i.action() instanceof Action.Deploy)
                        .flatMap(i -> ((Action.Deploy) i.action()).statefulsets().stream()))
                .flatMap(s -> s.replication().stream())
                .distinct()
                .toList();
    }

    /** Every image the scenario names, with its registry and layers; any other name gets the defaults. */
    private static Function<String, Image> images(Scenario scenario) {
        Map<String, Image> declared = new HashMap<>();
        for (ImageDecl d : scenario.images().values()) {
            declared.put(d.name(), d.image());
        }
        return name -> declared.computeIfAbsent(
                name, n -> new Image(n, DEFAULT_IMAGE_BYTES, DEFAULT_START_NANOS, OptionalLong.empty()));
    }
}
