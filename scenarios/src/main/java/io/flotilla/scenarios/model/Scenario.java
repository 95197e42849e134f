package io.flotilla.scenarios.model;

import io.flotilla.network.kubernetes.NetworkPolicy;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.sim.dataplane.DataPlaneSettings;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A scenario file, validated and resolved.
 *
 * <ul>
 *   <li>{@code until}: the explicit {@code until}, else the last timeline time plus 2m, else 2m.
 *   <li>{@code nodes}: in file order, {@code count} expanded ({@code worker-1..worker-N}).
 *   <li>{@code volumes}: compose's named volumes (top-level {@code volumes}), by name.
 *   <li>{@code services}, {@code statefulsets}: those deployed at time 0, in file order.
 *   <li>{@code images}: every image the scenario names (services, statefulsets, updates, deploys)
 *       plus every image listed under {@code images}; unlisted ones carry {@link ImageDecl#defaults}.
 *   <li>{@code networkProfile}: the data plane's version-dependent behaviour ({@link NetworkProfile#DEFAULT}
 *       unless the file says {@code network_profile}).
 *   <li>{@code pods}: the {@link KubernetesPodSpec} of each service or statefulset deployed at time 0
 *       that has a {@code kubernetes} key, by name; see {@link #pod}.
 *   <li>{@code traffic}: the traffic clients, in file order, each {@code stop} resolved.
 *   <li>{@code timeline}: sorted by time, stable (items at the same time keep file order).
 *   <li>{@code expectations}: in file order.
 *   <li>{@code kubernetesProblems}: what only the Kubernetes strategy cannot run (a constraint or
 *       spread descriptor it has no words for), as {@code FILE:LINE:COLUMN: message}, in file order.
 *   <li>{@code swarmProblems}: what only the swarm strategy cannot run (a client or a DNS check of
 *       a kubernetes scenario that names no network), the same way.
 *   <li>{@code networkPolicies}: the Kubernetes NetworkPolicies ({@code network_policies}), in file
 *       order, their selectors matched to the workloads they select.
 * </ul>
 */
public record Scenario(
        Path file,
        String name,
        String description,
        long seed,
        Strategy strategy,
        long until,
        SwarmSettings swarm,
        KubernetesSettings kubernetes,
        NetworkProfile networkProfile,
        List<NodeDecl> nodes,
        SortedMap<String, NetworkDecl> networks,
        SortedMap<String, VolumeDecl> volumes,
        List<ServiceSpec> services,
        List<StatefulSetDecl> statefulsets,
        SortedMap<String, StorageClassDecl> storageClasses,
        SortedMap<String, ImageDecl> images,
        SortedMap<String, KubernetesPodSpec> pods,
        List<TrafficDecl> traffic,
        List<TimelineItem> timeline,
        List<Expectation> expectations,
        List<String> kubernetesProblems,
        List<String> swarmProblems,
        List<NetworkPolicy> networkPolicies) {

    public Scenario {
        nodes = List.copyOf(nodes);
        networks = Collections.unmodifiableSortedMap(new TreeMap<>(networks));
        volumes = Collections.unmodifiableSortedMap(new TreeMap<>(volumes));
        services = List.copyOf(services);
        statefulsets = List.copyOf(statefulsets);
        storageClasses = Collections.unmodifiableSortedMap(new TreeMap<>(storageClasses));
        images = Collections.unmodifiableSortedMap(new TreeMap<>(images));
        pods = Collections.unmodifiableSortedMap(new TreeMap<>(pods));
        traffic = List.copyOf(traffic);
        timeline = List.copyOf(timeline);
        expectations = List.copyOf(expectations);
        kubernetesProblems = List.copyOf(kubernetesProblems);
        swarmProblems = List.copyOf(swarmProblems);
        networkPolicies = List.copyOf(networkPolicies);
    }

    /** A scenario with no NetworkPolicy. */
    public Scenario(Path file, String name, String description, long seed, Strategy strategy, long until, SwarmSettings swarm,
            KubernetesSettings kubernetes, NetworkProfile networkProfile, List<NodeDecl> nodes,
            SortedMap<String, NetworkDecl> networks, SortedMap<String, VolumeDecl> volumes, List<ServiceSpec> services,
            List<StatefulSetDecl> statefulsets, SortedMap<String, StorageClassDecl> storageClasses,
            SortedMap<String, ImageDecl> images, SortedMap<String, KubernetesPodSpec> pods, List<TrafficDecl> traffic,
            List<TimelineItem> timeline, List<Expectation> expectations, List<String> kubernetesProblems,
            List<String> swarmProblems) {
        this(file, name, description, seed, strategy, until, swarm, kubernetes, networkProfile, nodes, networks, volumes,
                services, statefulsets, storageClasses, images, pods, traffic, timeline, expectations, kubernetesProblems,
                swarmProblems, List.of());
    }

    /** The same scenario run under another strategy or seed (command-line overrides). */
    public Scenario with(Strategy newStrategy, long newSeed) {
        return new Scenario(file, name, description, newSeed, newStrategy, until, swarm, kubernetes, networkProfile, nodes,
                networks, volumes, services, statefulsets, storageClasses, images, pods, traffic, timeline, expectations,
                kubernetesProblems, swarmProblems, networkPolicies);
    }

    public static final String NO_MANAGER =
            "a swarm needs at least one manager: give a node role: manager (docker swarm init makes the first one)";

    public static final String NO_CONTROL_PLANE =
            "a Kubernetes cluster needs a control-plane node: give a node role: manager (kubeadm init makes the first one)";

    /**
     * Why this scenario cannot run under the strategy, if it cannot: one {@code FILE:LINE:COLUMN: message}
     * per line.
     */
    public Optional<String> unrunnableUnder(Strategy chosen) {
        if (!nodes.isEmpty() && nodes.stream().noneMatch(n -> n.spec().role() == NodeRole.MANAGER)) {
            SourcePos at = nodes.get(0).pos();
            return Optional.of(file + ":" + at.line() + ":" + at.column() + ": "
                    + (chosen == Strategy.SWARM ? NO_MANAGER : NO_CONTROL_PLANE));
        }
        if (chosen == Strategy.KUBERNETES && !kubernetesProblems.isEmpty()) {
            return Optional.of(String.join("\n", kubernetesProblems));
        }
        if (chosen == Strategy.SWARM && !swarmProblems.isEmpty()) {
            return Optional.of(String.join("\n", swarmProblems));
        }
        return Optional.empty();
    }

    public Optional<NodeDecl> node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    /** The Kubernetes pod inputs of a workload deployed at time 0 ({@link KubernetesPodSpec#NONE} when it has none). */
    public KubernetesPodSpec pod(String workload) {
        return pods.getOrDefault(workload, KubernetesPodSpec.NONE);
    }

    public Optional<TrafficDecl> trafficClient(String clientName) {
        return traffic.stream().filter(c -> c.name().equals(clientName)).findFirst();
    }

    /** How the data plane is simulated in a run of this scenario, explaining {@code explainRequest} if given. */
    public DataPlaneSettings dataPlane(Optional<DataPlaneSettings.RequestProbe> explainRequest) {
        return dataPlane(explainRequest, false);
    }

    /** The same, logging every served request if {@code accessLog}. */
    public DataPlaneSettings dataPlane(Optional<DataPlaneSettings.RequestProbe> explainRequest, boolean accessLog) {
        return new DataPlaneSettings(networkProfile.failedPeerEntries(), explainRequest, accessLog, networkPolicies);
    }

    /** The image as declared, or with the defaults when the scenario does not list it. */
    public ImageDecl image(String imageName) {
        ImageDecl declared = images.get(imageName);
        return declared != null ? declared : ImageDecl.defaults(imageName);
    }
}
