package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.lint.Finding;
import io.flotilla.scenarios.lint.LintRules;
import io.flotilla.scenarios.lint.LintedService;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scenarios.model.SourcePos;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.VolumeDecl;
import io.flotilla.scenarios.model.Vulnerability;
import io.flotilla.scheduler.model.ContainerSecurity;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.FileReference;
import io.flotilla.scheduler.model.HealthCheck;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PullPolicy;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.scheduler.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A map of services in the compose vocabulary ({@code image}, {@code pull_policy}, {@code networks},
 * {@code ports}, {@code healthcheck}, {@code stop_grace_period}, {@code volumes} (see {@link
 * VolumesBinder}), {@code deploy}, the security keys of {@link SecurityBinder}, the {@code secrets}
 * and {@code configs} of {@link GrantsBinder}), at the top level or inside a timeline {@code deploy}.
 */
final class ServicesBinder {

    static final List<String> KEYS = List.of(
            "image", "pull_policy", "networks", "ports", "healthcheck", "stop_grace_period", "volumes", "deploy", "kubernetes",
            "user", "read_only", "cap_add", "cap_drop", "privileged", "security_opt", "secrets", "configs");
    static final List<String> DEPLOY_KEYS = List.of(
            "mode", "replicas", "endpoint_mode", "placement", "resources", "restart_policy", "update_config",
            "rollback_config");
    static final List<String> RESOURCES_KEYS = List.of("reservations", "limits");
    static final int MAX_REPLICAS = 1_000_000;

    static final Map<String, ServiceMode> MODES =
            Values.choices("replicated", ServiceMode.REPLICATED, "global", ServiceMode.GLOBAL);
    static final Map<String, EndpointMode> ENDPOINT_MODES =
            Values.choices("vip", EndpointMode.VIP, "dnsrr", EndpointMode.DNSRR);
    /** Compose's words ({@code if_not_present} is its alias of {@code missing}), then Kubernetes' {@code imagePullPolicy}. */
    static final Map<String, PullPolicy> PULL_POLICIES = Values.choices(
            "always", PullPolicy.ALWAYS, "missing", PullPolicy.IF_NOT_PRESENT, "if_not_present", PullPolicy.IF_NOT_PRESENT,
            "never", PullPolicy.NEVER, "Always", PullPolicy.ALWAYS, "IfNotPresent", PullPolicy.IF_NOT_PRESENT,
            "Never", PullPolicy.NEVER);

    /** A service, where it was written, and its Kubernetes pod inputs if it has a {@code kubernetes} key. */
    record Bound(ServiceSpec spec, Node at, List<PortsBinder.At> ports, Optional<KubernetesPodSpec> pod) {}

    /**
     * What a service may name beside itself: the networks, secrets and configs, volumes, the file's
     * strategy, and the declared images (whose known vulnerabilities the lint reports).
     */
    record Scope(Set<String> networks, SecretsBinder.Declared declared, Map<String, VolumeDecl> volumes, Strategy strategy,
            Map<String, ImageDecl> images) {}

    private final Problems problems;
    private final Set<String> networks;
    private final Scope scope;

    ServicesBinder(Problems problems, Scope scope) {
        this.problems = problems;
        this.networks = scope.networks();
        this.scope = scope;
    }

    List<Bound> bind(Fields services) {
        List<Bound> out = new ArrayList<>();
        for (Fields.Entry e : services.entries()) {
            Names.swarm(e.name()).ifPresent(why -> problems.add(e.key(),
                    "service name '" + e.name() + "' is invalid: " + why + " (" + Names.WORKLOAD_RULE + ")"));
            Fields.withExtensions(e.value(), e.name(), "service '" + e.name() + "'", problems, KEYS)
                    .ifPresent(f -> out.add(bindOne(e.name(), e.key(), f)));
        }
        return out;
    }

    private Bound bindOne(String name, Node at, Fields f) {
        String image = image(f, name);
        List<String> nets = networkRefs(f, networks, problems);
        List<PortsBinder.At> ports = f.value("ports").map(n -> PortsBinder.bind(n, problems)).orElse(List.of());
        Optional<HealthCheck> healthcheck = f.section("healthcheck", "healthcheck", HealthcheckBinder.KEYS)
                .flatMap(HealthcheckBinder::bind);
        long stopGrace = f.duration("stop_grace_period", TaskSpec.DEFAULT_STOP_GRACE_NANOS);
        List<VolumeMount> mounts = VolumesBinder.mounts(f, scope.volumes());
        f.key("volumes").ifPresent(k -> problems.addForKubernetes(k, "volumes: a service's compose volumes run under the swarm "
                + "strategy; under kubernetes a statefulset's volume_claim_templates give pods their volumes"));
        Fields deploy = f.section("deploy", "deploy", DEPLOY_KEYS).orElseGet(() -> Fields.empty("deploy", problems));
        ServiceMode mode = deploy.choice("mode", MODES, ServiceMode.REPLICATED);
        boolean global = mode == ServiceMode.GLOBAL;
        int replicas = deploy.integer("replicas", 1, 0, MAX_REPLICAS);
        if (global && deploy.has("replicas")) {
            problems.add(deploy.key("replicas").orElseThrow(), "replicas can only be used with replicated mode");
        }
        EndpointMode endpointMode = deploy.choice("endpoint_mode", ENDPOINT_MODES, EndpointMode.VIP);
        Placement placement = deploy.section("placement", "placement", DeployParts.PLACEMENT_KEYS)
                .map(p -> DeployParts.placement(p, global))
                .orElse(Placement.NONE);
        Optional<Fields> resources = deploy.section("resources", "resources", RESOURCES_KEYS);
        Resources reservations = resources.flatMap(r -> r.section("reservations", "reservations", ResourcesBinder.KEYS))
                .map(ResourcesBinder::task)
                .orElse(Resources.NONE);
        Resources limits = resources.flatMap(r -> r.section("limits", "limits", ResourcesBinder.KEYS))
                .map(ResourcesBinder::task)
                .orElse(Resources.NONE);
        RestartPolicy restart = deploy.section("restart_policy", "restart_policy", DeployParts.RESTART_KEYS)
                .map(DeployParts::restartPolicy)
                .orElse(RestartPolicy.DEFAULT);
        UpdateConfig update = deploy.section("update_config", "update_config", DeployParts.UPDATE_KEYS)
                .map(u -> DeployParts.updateConfig(u, false, UpdateConfig.DEFAULT))
                .orElse(UpdateConfig.DEFAULT);
        UpdateConfig rollback = deploy.section("rollback_config", "rollback_config", DeployParts.UPDATE_KEYS)
                .map(u -> DeployParts.updateConfig(u, true, UpdateConfig.DEFAULT))
                .orElse(UpdateConfig.DEFAULT);
        PortRules.checkService(endpointMode, ports, problems);
        List<PortConfig> portConfigs = ports.stream().map(PortsBinder.At::port).toList();
        ContainerSecurity security = SecurityBinder.bind(f, scope.strategy());
        List<FileReference> files = GrantsBinder.bind(f, scope.declared());
        TaskSpec task = new TaskSpec(image, reservations, limits, placement, portConfigs, nets, restart, healthcheck, stopGrace,
                security, files, mounts, pullPolicy(f));
        ServiceSpec spec = new ServiceSpec(name, mode, global ? 0 : replicas, task, update, rollback, endpointMode);
        Optional<KubernetesPodSpec> pod = f.section("kubernetes", "kubernetes", KubernetesBinder.KEYS)
                .map(k -> new KubernetesBinder(problems).bind(k));
        lint(name, at, spec, f);
        return new Bound(spec, at, ports, pod);
    }

    /** The guide's practices the service does not follow, for {@code validate --lint}. */
    private void lint(String name, Node at, ServiceSpec spec, Fields f) {
        Map<String, SourcePos> written = new HashMap<>();
        for (Fields.Entry e : f.entries()) {
            written.put(e.name(), Yaml.pos(Yaml.isNull(e.value()) ? e.key() : e.value()));
        }
        List<Vulnerability> known = Optional.ofNullable(scope.images().get(spec.task().image()))
                .map(ImageDecl::vulnerabilities).orElse(List.of());
        for (Finding finding : LintRules.check(new LintedService(name, Yaml.pos(at), spec, written, known))) {
            problems.lint(finding);
        }
    }

    /** The image, or {@code <name>:latest} when the service names none (as the contract's short deploy example does). */
    static String image(Fields f, String name) {
        Optional<String> image = f.string("image");
        image.ifPresent(i -> {
            if (!Names.PLAIN.matcher(i).matches()) {
                f.problems().add(f.value("image").orElseThrow(), "image: '" + i + "' is not an image name such as nginx:1.27");
            }
        });
        return image.orElse(name + ":latest");
    }

    /**
     * {@code pull_policy}; compose's {@code build} and its timed policies ({@code daily},
     * {@code weekly}, {@code every_12h}) need a builder or a clock of their own and are refused.
     */
    static Optional<PullPolicy> pullPolicy(Fields f) {
        Optional<Node> value = f.value("pull_policy");
        if (value.isPresent() && Yaml.isScalar(value.get())) {
            String word = Yaml.text(value.get());
            if (word.equals("build") || word.equals("daily") || word.equals("weekly") || word.startsWith("every_")) {
                f.problems().add(value.get(), "pull_policy: '" + word + "' is compose's, and not simulated: images come from "
                        + "registries; use always, missing (if_not_present) or never");
                return Optional.empty();
            }
        }
        return value.flatMap(n -> Values.choice(n, "pull_policy", PULL_POLICIES, f.problems()));
    }

    /** {@code networks: [frontend]}, each one declared under the top-level {@code networks}. */
    static List<String> networkRefs(Fields f, Set<String> declared, Problems problems) {
        List<String> out = new ArrayList<>();
        for (Node item : f.list("networks")) {
            Values.string(item, "networks", problems).ifPresent(n -> {
                if (!declared.contains(n)) {
                    problems.add(item, "unknown network '" + n + "'" + Suggestions.didYouMean(n, declared)
                            + (declared.isEmpty() ? "; declare it under the top-level 'networks'" : ""));
                } else if (out.contains(n)) {
                    problems.add(item, "network '" + n + "' is listed twice");
                } else {
                    out.add(n);
                }
            });
        }
        return out;
    }
}
