package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.PodManagementPolicy;
import io.flotilla.scenarios.model.Readiness;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.VolumeClaimTemplate;
import io.flotilla.scheduler.model.HealthCheck;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.orchestrator.kubernetes.ClaimRetention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** A map of statefulsets: ordinal pods, a headless service and per-pod volumes. */
final class StatefulSetsBinder {

    static final List<String> KEYS = List.of(
            "image", "replicas", "service", "pod_management_policy", "volume_claim_templates", "networks", "readiness",
            "update_strategy", "persistent_volume_claim_retention_policy", "replication", "deploy", "kubernetes");
    static final List<String> REPLICATION_KEYS = List.of("lag");
    static final List<String> UPDATE_STRATEGY_KEYS = List.of("type", "partition");
    static final List<String> RETENTION_KEYS = List.of("when_deleted", "when_scaled");
    static final Map<String, Boolean> UPDATE_TYPES = Values.choices("RollingUpdate", false, "OnDelete", true);
    static final Map<String, ClaimRetention.Policy> RETENTION_POLICIES = Values.choices(
            "Retain", ClaimRetention.Policy.RETAIN, "Delete", ClaimRetention.Policy.DELETE);
    static final List<String> READINESS_KEYS =
            List.of("period", "timeout", "failure_threshold", "success_threshold", "initial_delay");
    static final List<String> DEPLOY_KEYS = List.of("resources", "placement", "restart_policy");
    static final List<String> CLAIM_KEYS = List.of("name", "storage_class", "size");
    static final Map<String, PodManagementPolicy> POLICIES = Values.choices(
            "OrderedReady", PodManagementPolicy.ORDERED_READY, "Parallel", PodManagementPolicy.PARALLEL);

    /** A statefulset, where its name was written, and its Kubernetes pod inputs if it has a {@code kubernetes} key. */
    record Bound(StatefulSetDecl decl, Node at, Optional<KubernetesPodSpec> pod) {}

    private final Problems problems;
    private final Set<String> networks;
    private final Set<String> storageClasses;

    StatefulSetsBinder(Problems problems, Set<String> networks, Set<String> storageClasses) {
        this.problems = problems;
        this.networks = networks;
        this.storageClasses = storageClasses;
    }

    List<Bound> bind(Fields sets) {
        List<Bound> out = new ArrayList<>();
        for (Fields.Entry e : sets.entries()) {
            if (!Names.WORKLOAD.matcher(e.name()).matches()) {
                problems.add(e.key(), "statefulset name '" + e.name() + "' is invalid: it must be " + Names.WORKLOAD_RULE);
            }
            Fields.of(e.value(), e.name(), "statefulset '" + e.name() + "'", problems, KEYS)
                    .ifPresent(f -> out.add(new Bound(bindOne(e.name(), f), e.key(),
                            f.section("kubernetes", "kubernetes", KubernetesBinder.KEYS).map(k -> new KubernetesBinder(problems).bind(k)))));
        }
        return out;
    }

    private StatefulSetDecl bindOne(String name, Fields f) {
        String image = ServicesBinder.image(f, name);
        int replicas = f.integer("replicas", 1, 0, ServicesBinder.MAX_REPLICAS);
        String service = f.string("service", name);
        PodManagementPolicy policy = f.choice("pod_management_policy", POLICIES, PodManagementPolicy.ORDERED_READY);
        List<String> nets = ServicesBinder.networkRefs(f, networks, problems);
        List<VolumeClaimTemplate> claims = claims(f);
        Fields deploy = f.section("deploy", "deploy", DEPLOY_KEYS).orElseGet(() -> Fields.empty("deploy", problems));
        Placement placement = deploy.section("placement", "placement", DeployParts.PLACEMENT_KEYS)
                .map(p -> DeployParts.placement(p, false))
                .orElse(Placement.NONE);
        Optional<Fields> resources = deploy.section("resources", "resources", ServicesBinder.RESOURCES_KEYS);
        Resources reservations = resources.flatMap(r -> r.section("reservations", "reservations", ResourcesBinder.KEYS))
                .map(ResourcesBinder::task)
                .orElse(Resources.NONE);
        Resources limits = resources.flatMap(r -> r.section("limits", "limits", ResourcesBinder.KEYS))
                .map(ResourcesBinder::task)
                .orElse(Resources.NONE);
        RestartPolicy restart = deploy.section("restart_policy", "restart_policy", DeployParts.RESTART_KEYS)
                .map(DeployParts::restartPolicy)
                .orElse(RestartPolicy.DEFAULT);
        Optional<Readiness> readiness = f.section("readiness", "readiness", READINESS_KEYS).map(this::readiness);
        // the kubelet runs the probe as it runs a service's compose healthcheck as a readiness probe
        Optional<HealthCheck> probe = readiness.map(r -> new HealthCheck(r.periodNanos(), r.timeoutNanos(),
                r.failureThreshold(), r.initialDelayNanos()));
        TaskSpec task = new TaskSpec(image, reservations, limits, placement, List.of(), nets, restart, probe,
                TaskSpec.DEFAULT_STOP_GRACE_NANOS);
        Fields strategy = f.section("update_strategy", "update_strategy", UPDATE_STRATEGY_KEYS)
                .orElseGet(() -> Fields.empty("update_strategy", problems));
        boolean onDelete = strategy.choice("type", UPDATE_TYPES, false);
        int partition = strategy.integer("partition", 0, 0, ServicesBinder.MAX_REPLICAS);
        if (onDelete && strategy.has("partition")) {
            // the API's validation: a partition belongs to a rolling update
            problems.add(strategy.value("partition").orElseThrow(),
                    "partition: only a RollingUpdate strategy has a partition; OnDelete updates a pod when it is deleted");
        }
        Fields retention = f.section("persistent_volume_claim_retention_policy", "persistent_volume_claim_retention_policy",
                RETENTION_KEYS).orElseGet(() -> Fields.empty("persistent_volume_claim_retention_policy", problems));
        ClaimRetention claimsPolicy = new ClaimRetention(
                retention.choice("when_deleted", RETENTION_POLICIES, ClaimRetention.Policy.RETAIN),
                retention.choice("when_scaled", RETENTION_POLICIES, ClaimRetention.Policy.RETAIN));
        if (!Names.WORKLOAD.matcher(service).matches()) {
            problems.add(f.value("service").orElse(f.node()), "service name '" + service + "' is invalid: it must be "
                    + Names.WORKLOAD_RULE);
        }
        OptionalLong lag = f.section("replication", "replication", REPLICATION_KEYS)
                .map(r -> r.required("lag").isPresent() ? r.duration("lag") : OptionalLong.empty())
                .orElse(OptionalLong.empty());
        if (lag.isPresent() && claims.isEmpty()) {
            problems.add(f.key("replication").orElseThrow(),
                    "replication: the application replicates what its volumes hold; give volume_claim_templates");
        }
        return new StatefulSetDecl(name, replicas, service, policy, claims, task, readiness, partition, onDelete, claimsPolicy,
                lag, f.pos());
    }

    /**
     * {@code readiness: {period: 5s, failure_threshold: 3}}: Kubernetes' probe fields, each from its
     * default. A success threshold above 1 is refused: the kubelet's probe is ready at its first pass.
     */
    private Readiness readiness(Fields f) {
        Readiness d = Readiness.KUBERNETES_DEFAULTS;
        int successThreshold = f.integer("success_threshold", d.successThreshold(), 1, Integer.MAX_VALUE);
        if (successThreshold != 1) {
            problems.notSimulated(f.value("success_threshold").orElseThrow(), "success_threshold",
                    "a readiness probe that needs more than one success in a row");
        }
        return new Readiness(
                SettingsBinder.positive(f, "period", d.periodNanos()),
                SettingsBinder.positive(f, "timeout", d.timeoutNanos()),
                f.integer("failure_threshold", d.failureThreshold(), 1, Integer.MAX_VALUE),
                successThreshold,
                f.duration("initial_delay", d.initialDelayNanos()));
    }

    private List<VolumeClaimTemplate> claims(Fields f) {
        List<VolumeClaimTemplate> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node item : f.list("volume_claim_templates")) {
            Optional<Fields> claim = Fields.of(item, "volume_claim_templates", "volume claim template", problems, CLAIM_KEYS);
            if (claim.isEmpty()) {
                continue;
            }
            Fields c = claim.get();
            Optional<String> name = c.required("name").flatMap(n -> c.string("name"));
            Optional<String> storageClass = c.required("storage_class").flatMap(n -> c.string("storage_class"));
            OptionalLong size = c.required("size").isPresent() ? c.size("size") : OptionalLong.empty();
            name.ifPresent(n -> {
                if (!names.add(n)) {
                    problems.add(c.value("name").orElseThrow(), "volume claim template '" + n + "' is declared twice");
                }
            });
            storageClass.ifPresent(s -> {
                if (!storageClasses.contains(s)) {
                    problems.add(c.value("storage_class").orElseThrow(), "unknown storage class '" + s + "'"
                            + Suggestions.didYouMean(s, storageClasses)
                            + (storageClasses.isEmpty() ? "; declare it under the top-level 'storage_classes'" : ""));
                }
            });
            if (name.isPresent() && storageClass.isPresent() && size.isPresent()) {
                out.add(new VolumeClaimTemplate(name.get(), storageClass.get(), size.getAsLong()));
            }
        }
        return out;
    }
}
