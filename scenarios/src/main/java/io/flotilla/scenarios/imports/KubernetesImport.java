package io.flotilla.scenarios.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes manifests as a scenario under the kubernetes strategy, the reverse of the compose to
 * Kubernetes table of {@code docs/kubernetes.md}: a Deployment is a replicated service, a DaemonSet a
 * global one, the pod's requests and limits its reservations and limits, its readiness probe its
 * health check, its scheduling fields (node selector, affinity, tolerations, spread constraints,
 * priority) the service's {@code kubernetes} key. A Service gives the workload it selects its node
 * ports ({@code NodePort}, {@code LoadBalancer}) or {@code dnsrr} (headless); a Node is a node of
 * the cluster. Storage (StatefulSets, claims, classes) is dropped while it is not simulated.
 */
final class KubernetesImport {

    static final String CONTROL_PLANE = "node-role.kubernetes.io/control-plane";
    private static final String MASTER = "node-role.kubernetes.io/master";
    private static final String HOSTNAME = "kubernetes.io/hostname";
    private static final String OS = "kubernetes.io/os";
    private static final String ARCH = "kubernetes.io/arch";
    /** The scenario format has statefulsets, claims and storage classes; reading them from manifests is what is missing. */
    private static final String NOT_IMPORTED = "importing storage from manifests is not done yet (the scenario format has "
            + "statefulsets with volume_claim_templates and storage_classes: write them by hand)";
    private static final Pattern QUANTITY = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(e[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?");

    private static final Map<String, String> CONTAINER_WHY = Map.of(
            "livenessProbe", "liveness probes are not simulated (a readiness probe is)",
            "startupProbe", "startup probes are not simulated",
            "volumeMounts", NOT_IMPORTED);
    private static final List<String> CONTAINER_KEYS = List.of("name", "image", "resources", "ports", "readinessProbe",
            "securityContext");
    private static final List<String> POD_KEYS = List.of("containers", "nodeSelector", "tolerations", "affinity",
            "topologySpreadConstraints", "priority", "priorityClassName", "preemptionPolicy", "terminationGracePeriodSeconds",
            "securityContext");
    /** The pod's security context fields that are its containers' defaults. */
    private static final List<String> POD_DEFAULTS = List.of("runAsUser", "runAsGroup", "runAsNonRoot", "seccompProfile",
            "appArmorProfile");
    private static final List<String> SECURITY_KEYS = List.of("runAsUser", "runAsGroup", "runAsNonRoot", "readOnlyRootFilesystem",
            "capabilities", "privileged", "allowPrivilegeEscalation", "seccompProfile", "appArmorProfile");
    static final String ENFORCE = "pod-security.kubernetes.io/enforce";
    private static final Map<String, String> POD_WHY = Map.of(
            "volumes", NOT_IMPORTED,
            "initContainers", "init containers are not simulated",
            "restartPolicy", "a pod's containers always restart (restartPolicy Always)");

    private final Drops drops;
    private final Draft.Mapping services = new Draft.Mapping();
    private final Map<String, Long> running = new LinkedHashMap<>();
    /** Each workload's pod labels (app=NAME and its template's), for the Services that select them. */
    private final Map<String, Map<String, String>> podLabels = new LinkedHashMap<>();
    /** Each workload's named container ports, for a Service's named targetPort. */
    private final Map<String, Map<String, Long>> namedPorts = new LinkedHashMap<>();
    private final Map<String, Long> priorityClasses = new LinkedHashMap<>();
    private final List<Draft.Mapping> nodes = new ArrayList<>();
    private final List<String> daemonSets = new ArrayList<>();
    /** DaemonSets whose node selector or affinity limits where they run: no count of them is expected. */
    private final Set<String> pinned = new HashSet<>();
    private boolean nodesTainted;

    private KubernetesImport(Drops drops) {
        this.drops = drops;
    }

    /**
     * The manifests' nodes (or the default cluster), workloads and Services, into {@code scenario};
     * returns how many pods of each workload should run.
     */
    static Imported read(List<SourceNode> documents, Draft.Mapping scenario, int workers, Drops drops) {
        KubernetesImport k = new KubernetesImport(drops);
        List<SourceNode> objects = new ArrayList<>();
        for (SourceNode doc : documents) {
            if ("List".equals(doc.text("kind").orElse(""))) {
                doc.get("items").ifPresent(items -> items.items().forEach(i -> objects.add(i.named(kind(i) + " " + name(i)))));
            } else {
                objects.add(doc.named(kind(doc) + " " + name(doc)));
            }
        }
        objects.stream().filter(o -> kind(o).equals("PriorityClass")).forEach(k::priorityClass);
        objects.stream().filter(o -> kind(o).equals("Namespace")).forEach(o -> k.namespace(o, scenario));
        objects.stream().filter(o -> kind(o).equals("Node")).forEach(k::node);
        for (SourceNode o : objects) {
            switch (kind(o)) {
                case "Deployment", "DaemonSet" -> k.workload(o);
                case "StatefulSet", "PersistentVolumeClaim", "StorageClass", "PersistentVolume" -> drops.drop(
                        o.get("kind").orElse(o), kind(o) + ": " + NOT_IMPORTED);
                case "Service", "Node", "PriorityClass", "Namespace" -> { }
                case "Secret", "ConfigMap" -> drops.drop(o.get("kind").orElse(o), kind(o) + ": a scenario declares secrets and "
                        + "configs in compose's words (top-level secrets and configs, a service's grants); the import does not "
                        + "read them from manifests");
                default -> drops.drop(o.get("kind").orElse(o), "kind " + kind(o) + " is not simulated");
            }
        }
        objects.stream().filter(o -> kind(o).equals("Service")).forEach(k::service);
        scenario.put("nodes", k.nodes.isEmpty() ? Imports.defaultNodes(workers) : k.cluster());
        scenario.put("services", k.services);
        int nodeCount = k.nodes.isEmpty() ? workers + 1 : k.cluster().items.size();
        for (String set : k.daemonSets) {
            if (!k.nodesTainted && !k.pinned.contains(set)) {
                k.running.put(set, (long) nodeCount);
            }
        }
        List<String> notes = new ArrayList<>();
        if (k.nodes.isEmpty()) {
            notes.add(Imports.clusterNote(workers));
        } else {
            notes.add("The cluster is the manifests' Node objects" + (k.nodes.stream().anyMatch(n -> n.has("role")) ? "."
                    : ", and control-plane-1, since none of them is a control-plane node."));
        }
        return new Imported(k.running, notes);
    }

    private static String kind(SourceNode o) {
        return o.text("kind").orElse("");
    }

    private static String name(SourceNode o) {
        return o.get("metadata").flatMap(m -> m.text("name")).orElse("");
    }

    private void priorityClass(SourceNode o) {
        o.get("value").map(Values::scalar).filter(Long.class::isInstance)
                .ifPresent(v -> priorityClasses.put(name(o), (Long) v));
    }

    /**
     * A namespace's Pod Security level ({@code pod-security.kubernetes.io/enforce}) is the scenario's
     * {@code kubernetes.pod_security}: the scenario has one namespace, so the first level met wins.
     */
    private void namespace(SourceNode o, Draft.Mapping scenario) {
        Map<String, SourceNode> labels = o.get("metadata").flatMap(m -> m.get("labels")).map(SourceNode::entries).orElse(Map.of());
        labels.forEach((key, value) -> {
            if (key.equals(ENFORCE) && !scenario.mapping("kubernetes").has("pod_security")) {
                scenario.mapping("kubernetes").put("pod_security", Values.copy(value), value.origin());
            } else if (key.equals(ENFORCE)) {
                drops.drop(value, "the scenario has one namespace, whose level is the first one met");
            } else if (key.startsWith("pod-security.kubernetes.io/") && !key.equals(ENFORCE + "-version")) {
                drops.drop(value, "only the enforced Pod Security level is simulated");
            } else if (key.equals(ENFORCE + "-version") && !value.text().orElse("").equals("latest")) {
                drops.drop(value, "the levels are simulated as of version latest");
            }
        });
        if (!scenario.mapping("kubernetes").has("pod_security")) {
            scenario.entries.remove("kubernetes");
        }
    }

    // ---- nodes ----------------------------------------------------------------------------

    private void node(SourceNode o) {
        Draft.Mapping n = new Draft.Mapping();
        SourceNode meta = o.get("metadata").orElse(o);
        n.put("name", name(o), meta.get("name").orElse(o).origin());
        Map<String, SourceNode> labels = meta.get("labels").map(SourceNode::entries).orElse(Map.of());
        if (labels.containsKey(CONTROL_PLANE) || labels.containsKey(MASTER)) {
            n.put("role", "manager", (labels.containsKey(CONTROL_PLANE) ? labels.get(CONTROL_PLANE) : labels.get(MASTER)).origin());
        }
        Draft.Mapping kept = new Draft.Mapping();
        Draft.Mapping platform = new Draft.Mapping();
        labels.forEach((key, value) -> {
            switch (key) {
                case CONTROL_PLANE, MASTER, HOSTNAME -> { } // the scenario gives these labels itself
                case OS -> platform.put("os", Values.copy(value), value.origin());
                case ARCH -> platform.put("arch", Values.copy(value), value.origin());
                default -> kept.put(key, value.text().orElse(""), value.origin());
            }
        });
        if (!kept.isEmpty()) {
            n.put("labels", kept, meta.get("labels").orElseThrow().origin());
        }
        if (!platform.isEmpty()) {
            n.put("platform", platform);
        }
        Optional<SourceNode> status = o.get("status");
        Optional<SourceNode> capacity = status.flatMap(s -> s.get("allocatable").or(() -> s.get("capacity")));
        capacity.ifPresent(c -> {
            Draft.Mapping resources = new Draft.Mapping();
            c.entries().forEach((key, value) -> {
                if (key.equals("cpu")) {
                    resources.put("cpus", cpus(value), value.origin());
                } else if (key.equals("memory")) {
                    memory(value).ifPresent(m -> resources.put("memory", m, value.origin()));
                } else if (key.contains("/")) {
                    resources.mapping("generic").put(key, Values.copy(value), value.origin());
                } else if (!key.equals("pods")) {
                    drops.drop(value, key + " is not simulated");
                }
            });
            n.put("resources", resources, c.origin());
        });
        o.get("spec").ifPresent(spec -> {
            spec.get("taints").ifPresent(t -> {
                Draft.Seq taints = new Draft.Seq();
                for (SourceNode taint : t.items()) {
                    String text = taint.text("key").orElse("") + taint.text("value").map(v -> "=" + v).orElse("") + ":"
                            + taint.text("effect").orElse("");
                    taints.add(text, taint.origin());
                    nodesTainted = true;
                }
                n.put("taints", taints, t.origin());
            });
            spec.get("unschedulable").filter(u -> Boolean.TRUE.equals(Values.scalar(u)))
                    .ifPresent(u -> n.put("availability", "pause", u.origin()));
            drops.unknownKeys(spec, List.of("taints", "unschedulable"), Map.of(), "not simulated");
        });
        nodes.add(n);
    }

    /** The nodes the manifests give, and a control-plane node when none of them is one. */
    private Draft.Seq cluster() {
        Draft.Seq out = new Draft.Seq();
        boolean controlPlane = nodes.stream().anyMatch(n -> n.has("role"));
        if (!controlPlane) {
            out.add(new Draft.Mapping().put("name", "control-plane-1").put("role", "manager")
                    .put("resources", Imports.defaultResources()));
        }
        nodes.forEach(n -> out.add(n, originOf(n)));
        return out;
    }

    private static Origin originOf(Draft.Mapping n) {
        return n.entries.get("name").origin().orElseThrow();
    }

    // ---- workloads ------------------------------------------------------------------------

    private void workload(SourceNode o) {
        String name = name(o);
        if (name.isEmpty()) {
            drops.drop(o, kind(o) + " without metadata.name");
            return;
        }
        boolean daemonSet = kind(o).equals("DaemonSet");
        Draft.Mapping service = new Draft.Mapping();
        Draft.Mapping deploy = new Draft.Mapping();
        Draft.Mapping kubernetes = new Draft.Mapping();
        SourceNode spec = o.get("spec").orElse(o);
        if (daemonSet) {
            deploy.put("mode", "global", o.get("kind").orElseThrow().origin());
            daemonSets.add(name);
        } else {
            Optional<SourceNode> replicas = spec.get("replicas");
            replicas.ifPresent(r -> deploy.put("replicas", Values.copy(r), r.origin()));
            running.put(name, replicas.map(Values::scalar).filter(Long.class::isInstance).map(Long.class::cast).orElse(1L));
        }
        o.get("metadata").flatMap(m -> m.get("namespace")).filter(ns -> !ns.text().orElse("").equals("default"))
                .ifPresent(ns -> drops.drop(ns, "the scenario has one namespace; every object is in it"));
        drops.unknownKeys(spec, List.of("replicas", "selector", "template", "strategy", "updateStrategy"),
                Map.of("minReadySeconds", "minReadySeconds is not simulated (0)",
                        "progressDeadlineSeconds", "progressDeadlineSeconds is not simulated"), "not simulated");
        rollout(spec, daemonSet).ifPresent(u -> deploy.put("update_config", u, spec.get("strategy").orElseThrow().origin()));
        SourceNode template = spec.get("template").orElse(spec);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", name);
        template.get("metadata").flatMap(m -> m.get("labels")).ifPresent(l -> {
            Draft.Mapping extra = new Draft.Mapping();
            l.entries().forEach((k, v) -> {
                labels.put(k, v.text().orElse(""));
                if (!(k.equals("app") && v.text().orElse("").equals(name))) {
                    extra.put(k, v.text().orElse(""), v.origin());
                }
            });
            if (!extra.isEmpty()) {
                kubernetes.put("labels", extra, l.origin());
            }
        });
        podLabels.put(name, labels);
        SourceNode pod = template.get("spec").orElse(template);
        drops.unknownKeys(pod, POD_KEYS, POD_WHY, "not simulated");
        List<SourceNode> containers = pod.get("containers").map(SourceNode::items).orElse(List.of());
        containers.stream().skip(1).forEach(c -> drops.drop(c, "a pod runs one container in the scenario; the first one, "
                + containers.get(0).text("name").orElse("") + ", is kept"));
        if (!containers.isEmpty()) {
            container(name, containers.get(0), service, deploy);
            security(containers.get(0), pod.get("securityContext"), service);
        }
        pod.get("terminationGracePeriodSeconds").ifPresent(t -> service.put("stop_grace_period", seconds(t), t.origin()));
        podScheduling(pod, kubernetes);
        if (pod.get("nodeSelector").isPresent() || pod.get("affinity").flatMap(a -> a.get("nodeAffinity")).isPresent()) {
            pinned.add(name);
        }
        if (!deploy.isEmpty()) {
            service.put("deploy", deploy);
        }
        if (!kubernetes.isEmpty()) {
            service.put("kubernetes", kubernetes);
        }
        services.put(name, service, o.origin());
    }

    /**
     * A Deployment's rolling update as {@code update_config}: Kubernetes' default (25%/25%) needs
     * none; a surge with nothing unavailable is start-first, nothing surged is stop-first, each with
     * that many at a time; Recreate takes them all down first.
     */
    private Optional<Draft.Mapping> rollout(SourceNode spec, boolean daemonSet) {
        if (daemonSet) {
            spec.get("updateStrategy").ifPresent(u ->
                    drops.drop(u, "a DaemonSet's rollout is maxUnavailable 1, maxSurge 0 in the simulation"));
            return Optional.empty();
        }
        Optional<SourceNode> strategy = spec.get("strategy");
        if (strategy.isEmpty()) {
            return Optional.empty();
        }
        if (strategy.get().text("type").orElse("RollingUpdate").equals("Recreate")) {
            return Optional.of(new Draft.Mapping().put("parallelism", 0L).put("order", "stop-first"));
        }
        Optional<SourceNode> rolling = strategy.get().get("rollingUpdate");
        if (rolling.isEmpty()) {
            return Optional.empty();
        }
        Object surge = rolling.get().get("maxSurge").map(Values::scalar).orElse("25%");
        Object unavailable = rolling.get().get("maxUnavailable").map(Values::scalar).orElse("25%");
        if (surge.equals("25%") && unavailable.equals("25%")) {
            return Optional.empty();
        }
        if (surge instanceof Long s && s > 0 && (Long.valueOf(0).equals(unavailable) || "0%".equals(unavailable))) {
            return Optional.of(new Draft.Mapping().put("parallelism", s, rolling.get().origin()).put("order", "start-first"));
        }
        if (unavailable instanceof Long u && u > 0 && (Long.valueOf(0).equals(surge) || "0%".equals(surge))) {
            return Optional.of(new Draft.Mapping().put("parallelism", u, rolling.get().origin()).put("order", "stop-first"));
        }
        drops.drop(rolling.get(), "maxSurge " + surge + " with maxUnavailable " + unavailable + " has no update_config "
                + "(parallelism and order) to say it; Kubernetes' default 25%/25% is used");
        return Optional.empty();
    }

    private void container(String workload, SourceNode c, Draft.Mapping service, Draft.Mapping deploy) {
        drops.unknownKeys(c, CONTAINER_KEYS, CONTAINER_WHY, "what runs inside a container is not simulated");
        c.get("image").ifPresent(i -> service.put("image", Values.copy(i), i.origin()));
        c.get("resources").ifPresent(r -> {
            Draft.Mapping resources = new Draft.Mapping();
            r.get("requests").ifPresent(q -> resources.put("reservations", quantities(q), q.origin()));
            r.get("limits").ifPresent(q -> resources.put("limits", quantities(q), q.origin()));
            drops.unknownKeys(r, List.of("requests", "limits"), Map.of(), "not simulated");
            deploy.put("resources", resources, r.origin());
        });
        Map<String, Long> named = new LinkedHashMap<>();
        Draft.Seq hostPorts = new Draft.Seq();
        c.get("ports").ifPresent(ports -> {
            for (SourceNode p : ports.items()) {
                Optional<Long> target = p.get("containerPort").map(Values::scalar).filter(Long.class::isInstance).map(Long.class::cast);
                p.text("name").ifPresent(n -> target.ifPresent(t -> named.put(n, t)));
                p.get("hostPort").ifPresent(h -> {
                    Draft.Mapping port = new Draft.Mapping().put("target", target.orElse(0L), p.origin())
                            .put("published", Values.copy(h), h.origin()).put("mode", "host");
                    p.text("protocol").filter(x -> !x.equals("TCP")).ifPresent(x -> port.put("protocol", x.toLowerCase(Locale.ROOT)));
                    hostPorts.add(port, h.origin());
                });
            }
        });
        namedPorts.put(workload, named);
        if (!hostPorts.isEmpty()) {
            service.put("ports", hostPorts);
        }
        c.get("readinessProbe").ifPresent(p -> service.put("healthcheck", probe(p), p.origin()));
    }

    /**
     * The container's security context (its pod's for the fields a pod sets for all its containers)
     * in the compose words the kubernetes strategy writes back into it: the reverse of the format's
     * table of the security keys.
     */
    private void security(SourceNode container, Optional<SourceNode> pod, Draft.Mapping service) {
        Map<String, SourceNode> fields = new LinkedHashMap<>();
        pod.ifPresent(p -> {
            p.entries().forEach((k, v) -> {
                if (POD_DEFAULTS.contains(k)) {
                    fields.put(k, v);
                }
            });
            drops.unknownKeys(p, POD_DEFAULTS, Map.of(), "not simulated");
        });
        container.get("securityContext").ifPresent(c -> {
            fields.putAll(c.entries());
            drops.unknownKeys(c, SECURITY_KEYS, Map.of(), "not simulated");
        });
        SourceNode user = fields.get("runAsUser");
        SourceNode group = fields.get("runAsGroup");
        if (user != null) {
            service.put("user", Values.scalar(user) + (group == null ? "" : ":" + Values.scalar(group)), user.origin());
        } else if (group != null) {
            drops.drop(group, "a group without a user: compose's user is USER[:GROUP]");
        }
        SourceNode nonRoot = fields.get("runAsNonRoot");
        if (nonRoot != null && Boolean.TRUE.equals(Values.scalar(nonRoot)) && (user == null || Long.valueOf(0).equals(Values.scalar(user)))) {
            drops.drop(nonRoot, "runAsNonRoot is written as a numeric user other than 0 (user: \"1000\")");
        }
        Optional.ofNullable(fields.get("readOnlyRootFilesystem")).ifPresent(r -> service.put("read_only", Values.copy(r), r.origin()));
        Optional.ofNullable(fields.get("privileged")).ifPresent(p -> service.put("privileged", Values.copy(p), p.origin()));
        Optional.ofNullable(fields.get("capabilities")).ifPresent(c -> {
            c.get("add").ifPresent(a -> service.put("cap_add", Values.copy(a), a.origin()));
            c.get("drop").ifPresent(d -> service.put("cap_drop", Values.copy(d), d.origin()));
        });
        Draft.Seq options = new Draft.Seq();
        Optional.ofNullable(fields.get("allowPrivilegeEscalation")).ifPresent(a ->
                options.add("no-new-privileges:" + !Boolean.TRUE.equals(Values.scalar(a)), a.origin()));
        Optional.ofNullable(fields.get("seccompProfile")).ifPresent(p -> profile(p, "seccomp", "builtin", options));
        Optional.ofNullable(fields.get("appArmorProfile")).ifPresent(p -> profile(p, "apparmor", "docker-default", options));
        if (!options.isEmpty()) {
            service.put("security_opt", options);
        }
    }

    /** {@code {type: RuntimeDefault}} is Docker's own profile, {@code Unconfined} none, {@code Localhost} the one named. */
    private void profile(SourceNode p, String option, String runtimeDefault, Draft.Seq options) {
        String type = p.text("type").orElse("");
        switch (type) {
            case "RuntimeDefault" -> options.add(option + "=" + runtimeDefault, p.origin());
            case "Unconfined" -> options.add(option + "=unconfined", p.origin());
            case "Localhost" -> options.add(option + "=" + p.text("localhostProfile").orElse(""), p.origin());
            default -> drops.drop(p, option + " profile type " + type + " is not simulated");
        }
    }

    /** A readiness probe as the health check the kubernetes strategy reads as one (its defaults written out). */
    private Draft.Mapping probe(SourceNode p) {
        Draft.Mapping check = new Draft.Mapping();
        p.get("exec").flatMap(e -> e.get("command")).ifPresent(cmd -> {
            Draft.Seq test = new Draft.Seq().add(new Draft.Scalar("CMD"));
            cmd.items().forEach(i -> test.add(Values.copy(i), i.origin()));
            check.put("test", test, cmd.origin());
        });
        check.put("interval", seconds(p.get("periodSeconds"), 10));
        check.put("timeout", seconds(p.get("timeoutSeconds"), 1));
        check.put("retries", p.get("failureThreshold").map(Values::scalar).orElse(3L));
        p.get("initialDelaySeconds").ifPresent(d -> check.put("start_period", seconds(d), d.origin()));
        p.get("successThreshold").filter(s -> !Long.valueOf(1).equals(Values.scalar(s)))
                .ifPresent(s -> drops.drop(s, "a probe needs one success in the simulation"));
        return check;
    }

    private void podScheduling(SourceNode pod, Draft.Mapping kubernetes) {
        pod.get("nodeSelector").ifPresent(n -> kubernetes.put("node_selector", Values.copy(n), n.origin()));
        pod.get("tolerations").ifPresent(t -> kubernetes.put("tolerations", Snake.of(t), t.origin()));
        pod.get("priority").ifPresent(p -> kubernetes.put("priority", Values.copy(p), p.origin()));
        pod.get("priorityClassName").ifPresent(p -> {
            Long value = priorityClasses.get(p.text().orElse(""));
            if (value != null) {
                kubernetes.put("priority", value, p.origin());
            } else {
                drops.drop(p, "no PriorityClass '" + p.text().orElse("") + "' among the manifests; the pods' priority is 0");
            }
        });
        pod.get("preemptionPolicy").ifPresent(p -> kubernetes.put("preemption_policy", Values.copy(p), p.origin()));
        pod.get("topologySpreadConstraints").ifPresent(t -> kubernetes.put("topology_spread_constraints", Snake.of(t), t.origin()));
        pod.get("affinity").ifPresent(a -> {
            a.get("nodeAffinity").ifPresent(n -> kubernetes.put("node_affinity", affinity(n), n.origin()));
            a.get("podAffinity").ifPresent(n -> kubernetes.put("pod_affinity", affinity(n), n.origin()));
            a.get("podAntiAffinity").ifPresent(n -> kubernetes.put("pod_anti_affinity", affinity(n), n.origin()));
        });
    }

    /**
     * {@code requiredDuringSchedulingIgnoredDuringExecution} as {@code required} (a node affinity's
     * node selector terms, or the pod affinity terms), {@code preferred...} as {@code preferred}, the
     * weighted pod affinity term's fields beside its weight, as the format writes them.
     */
    private Draft.Mapping affinity(SourceNode a) {
        Draft.Mapping out = new Draft.Mapping();
        a.get("requiredDuringSchedulingIgnoredDuringExecution").ifPresent(r -> {
            SourceNode terms = r.get("nodeSelectorTerms").orElse(r);
            out.put("required", Snake.of(terms), terms.origin());
        });
        a.get("preferredDuringSchedulingIgnoredDuringExecution").ifPresent(p -> {
            Draft.Seq preferred = new Draft.Seq();
            for (SourceNode item : p.items()) {
                Draft.Mapping m = new Draft.Mapping();
                item.get("weight").ifPresent(w -> m.put("weight", Values.copy(w), w.origin()));
                item.get("preference").ifPresent(pref -> m.put("preference", Snake.of(pref), pref.origin()));
                item.get("podAffinityTerm").ifPresent(term -> ((Draft.Mapping) Snake.of(term)).entries.forEach(m.entries::put));
                preferred.add(m, item.origin());
            }
            out.put("preferred", preferred, p.origin());
        });
        drops.unknownKeys(a, List.of("requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution"),
                Map.of(), "not simulated");
        return out;
    }

    /** {@code cpu}, {@code memory} and extended resources ({@code nvidia.com/gpu}) as the format's cpus, memory and generic. */
    private Draft.Mapping quantities(SourceNode q) {
        Draft.Mapping out = new Draft.Mapping();
        q.entries().forEach((key, value) -> {
            if (key.equals("cpu")) {
                out.put("cpus", cpus(value), value.origin());
            } else if (key.equals("memory")) {
                memory(value).ifPresent(m -> out.put("memory", m, value.origin()));
            } else if (key.contains("/")) {
                out.mapping("generic").put(key, Values.copy(value), value.origin());
            } else {
                drops.drop(value, key + " is not simulated");
            }
        });
        return out;
    }

    private static Object cpus(SourceNode value) {
        return Values.scalar(value);
    }

    /**
     * A memory quantity in bytes as the format reads it: Kubernetes' binary units ({@code Mi}) are
     * the format's own, its decimal ones ({@code M}, 10^6) and exponents are written out in bytes,
     * since the format reads {@code M} as Docker does (2^20).
     */
    private Optional<Object> memory(SourceNode value) {
        String text = value.text().orElse("");
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            drops.drop(value, "memory: not a Kubernetes quantity");
            return Optional.empty();
        }
        String unit = m.group(2) == null ? "" : m.group(2);
        if (unit.endsWith("i")) {
            return Optional.of(text);
        }
        BigDecimal n = new BigDecimal(m.group(1));
        BigDecimal bytes = switch (unit) {
            case "" -> n;
            case "m" -> n.movePointLeft(3);
            case "k" -> n.movePointRight(3);
            case "M" -> n.movePointRight(6);
            case "G" -> n.movePointRight(9);
            case "T" -> n.movePointRight(12);
            case "P" -> n.movePointRight(15);
            case "E" -> n.movePointRight(18);
            default -> n.movePointRight(Integer.parseInt(unit.substring(1)));
        };
        return Optional.of(bytes.setScale(0, RoundingMode.CEILING).longValueExact());
    }

    private static String seconds(SourceNode value) {
        return Values.scalar(value) + "s";
    }

    private static String seconds(Optional<SourceNode> value, long fallback) {
        return value.map(KubernetesImport::seconds).orElse(fallback + "s");
    }

    // ---- services -------------------------------------------------------------------------

    /**
     * A Service and the one workload it selects: node ports for a NodePort or LoadBalancer, DNS
     * round robin for a headless one. The scenario reaches a workload by its own name, so a Service
     * of another name is reported (its ports are still carried).
     */
    private void service(SourceNode o) {
        String name = name(o);
        SourceNode spec = o.get("spec").orElse(o);
        Map<String, String> selector = new LinkedHashMap<>();
        spec.get("selector").ifPresent(s -> s.entries().forEach((k, v) -> selector.put(k, v.text().orElse(""))));
        List<String> selected = podLabels.entrySet().stream()
                .filter(e -> !selector.isEmpty() && e.getValue().entrySet().containsAll(selector.entrySet()))
                .map(Map.Entry::getKey)
                .toList();
        if (selected.size() != 1) {
            drops.drop(o, "Service " + name + (selected.isEmpty() ? " selects no Deployment or DaemonSet of the manifests"
                    : " selects the pods of " + String.join(" and ", selected) + "; a scenario's workload is its own endpoint"));
            return;
        }
        String workload = selected.get(0);
        if (!workload.equals(name)) {
            drops.drop(o.get("metadata").flatMap(m -> m.get("name")).orElse(o), "the scenario reaches " + workload
                    + " by its own name; the Service's name " + name + " is not simulated");
        }
        Draft.Mapping service = (Draft.Mapping) services.entries.get(workload).value();
        String type = spec.text("type").orElse("ClusterIP");
        if ("None".equals(spec.text("clusterIP").orElse(""))) {
            service.mapping("deploy").put("endpoint_mode", "dnsrr", spec.get("clusterIP").orElseThrow().origin());
        }
        switch (type) {
            case "NodePort", "LoadBalancer" -> nodePorts(spec, workload, service);
            case "ClusterIP" -> { }
            default -> drops.drop(spec.get("type").orElseThrow(), "a Service of type " + type + " is not simulated");
        }
        if (type.equals("LoadBalancer")) {
            drops.drop(spec.get("type").orElseThrow(), "no load balancer outside the cluster is simulated; its node ports are");
        }
        drops.unknownKeys(spec, List.of("selector", "type", "ports", "clusterIP"), Map.of(), "not simulated");
    }

    private void nodePorts(SourceNode spec, String workload, Draft.Mapping service) {
        Draft.Seq ports = service.seq("ports");
        for (SourceNode p : spec.get("ports").map(SourceNode::items).orElse(List.of())) {
            Object port = p.get("port").map(Values::scalar).orElse(0L);
            Object target = p.get("targetPort").map(Values::scalar).orElse(port);
            if (target instanceof String named) {
                Long resolved = namedPorts.getOrDefault(workload, Map.of()).get(named);
                if (resolved == null) {
                    drops.drop(p, "targetPort " + named + " names no port of " + workload + "'s container");
                    continue;
                }
                target = resolved;
            }
            Draft.Mapping out = new Draft.Mapping().put("target", target, p.origin());
            p.get("nodePort").ifPresent(n -> out.put("published", Values.copy(n), n.origin()));
            p.text("protocol").filter(x -> !x.equals("TCP")).ifPresent(x -> out.put("protocol", x.toLowerCase(Locale.ROOT)));
            ports.add(out, p.origin());
        }
    }
}
