package io.flotilla.scenarios.views;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.VolumeClaimTemplate;
import io.flotilla.scheduler.model.HealthCheck;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.orchestrator.kubernetes.PodFromTemplate;
import io.flotilla.scheduler.orchestrator.kubernetes.StatefulSetNames;
import io.flotilla.scheduler.placement.kubernetes.Container;
import io.flotilla.scheduler.placement.kubernetes.ModelTranslation;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.ResourceNames;
import io.flotilla.scheduler.placement.kubernetes.Toleration;
import io.flotilla.scheduler.time.Durations;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * {@code kubectl describe pod}: the pod as the API server holds it, in describe's sections and
 * alignment (Name to Controlled By, Containers, Conditions, Volumes, QoS Class, Node-Selectors,
 * Tolerations, Events). The pod's labels, node selector and tolerations are those its controller
 * and admission give it; its container is named after the service. A StatefulSet's pod goes by its
 * ordinal's name, is controlled by its StatefulSet, and shows its claims as volumes, each mounted
 * at {@code /<template>}, as the StatefulSet controller writes them.
 *
 * <p>Not simulated, so left as a cluster without them shows them: a node's address ({@code Node:
 * worker-1/}), a StatefulSet pod's {@code controller-revision-hash} label (the log numbers
 * revisions, it does not name them); readiness probes run no command. Container IDs and image digests
 * are {@link DisplayIds} stand-ins. A Terminating pod's {@code (lasts ...)} counts from its deletion
 * timestamp, which lies a grace period after the deletion was asked, so it reads {@code <invalid>}
 * during the grace period, as it does upstream.
 */
public final class PodDescription {

    private static final String L1 = "  ";
    private static final String L2 = "    ";
    private static final String L3 = "      ";

    private PodDescription() {}

    public static String render(RunMoment m, TaskRecord pod) {
        Scenario scenario = m.scenario();
        Optional<ServiceSpec> service = ServiceSpecs.at(scenario, pod.service(), pod.createdAt());
        TaskSpec task = service.map(ServiceSpec::task).orElseThrow();
        boolean daemon = service.map(s -> s.mode() == ServiceMode.GLOBAL).orElse(false);
        Optional<StatefulSetDecl> set = ServiceSpecs.statefulSet(scenario, pod.service(), pod.createdAt());
        List<VolumeClaimTemplate> claims = set.map(StatefulSetDecl::volumeClaimTemplates).orElse(List.of());
        Pod spec = pod(m, pod, task, daemon, set.isPresent());
        StringBuilder w = new StringBuilder();
        w.append("Name:\t").append(KubernetesApi.name(m, pod)).append('\n');
        w.append("Namespace:\tdefault\n");
        w.append("Priority:\t").append(spec.priority()).append('\n');
        w.append("Service Account:\tdefault\n");
        w.append("Node:\t").append(pod.node().map(n -> n + "/").orElse("<none>")).append('\n');
        if (pod.reported().compareTo(TaskState.ACCEPTED) >= 0) {
            pod.reached(TaskState.ACCEPTED).ifPresent(at -> w.append("Start Time:\t").append(WallClock.rfc1123z(at)).append('\n'));
        }
        multiline(w, "Labels", spec.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        w.append("Annotations:\t<none>\n");
        if (KubernetesApi.deleting(pod)) {
            long grace = task.stopGracePeriodNanos();
            w.append("Status:\tTerminating (lasts ")
                    .append(HumanDurations.kubernetes(m.at() - (pod.desiredAt() + grace))).append(")\n");
            w.append("Termination Grace Period:\t").append(grace / Durations.SECOND).append("s\n");
        } else {
            w.append("Status:\t").append(KubernetesApi.phase(pod)).append('\n');
        }
        Optional<String> ip = pod.addresses().values().stream().findFirst();
        w.append("IP:\t").append(ip.orElse("")).append('\n');
        if (ip.isEmpty()) {
            w.append("IPs:\t<none>\n");
        } else {
            w.append("IPs:\n").append(L1).append("IP:\t").append(ip.get()).append('\n');
        }
        w.append("Controlled By:\t").append(set.isPresent() ? "StatefulSet/" + pod.service()
                : daemon ? "DaemonSet/" + pod.service() : "ReplicaSet/" + replicaSet(pod)).append('\n');
        containers(w, m, pod, task, spec.containers().get(0), claims);
        conditions(w, m, pod);
        volumes(w, pod, claims);
        w.append("QoS Class:\t").append(qos(spec.containers().get(0))).append('\n');
        multiline(w, "Node-Selectors", spec.nodeSelector().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        multiline(w, "Tolerations", spec.tolerations().stream().sorted(Comparator.comparing(Toleration::key))
                .map(PodDescription::toleration).toList());
        List<KubeEvent> events = m.podEvents(pod.id());
        if (events.isEmpty()) {
            w.append("Events:\t<none>\n");
            return GoTabWriter.describe(w.toString());
        }
        // describe flushes its tabwriter before the events table, which aligns on its own
        StringBuilder table = new StringBuilder("Events:\n").append(L1).append("Type\tReason\tAge\tFrom\tMessage\n")
                .append(L1).append("----\t------\t----\t----\t-------\n");
        for (KubeEvent e : events) {
            String age = HumanDurations.kubernetes(m.at() - e.first());
            if (e.count() > 1) {
                age = HumanDurations.kubernetes(m.at() - e.last()) + " (x" + e.count() + " over " + age + ")";
            }
            table.append(L1).append(e.type()).append('\t').append(e.reason()).append('\t').append(age).append('\t')
                    .append(e.from()).append('\t').append(e.message().strip()).append('\n');
        }
        return GoTabWriter.describe(w.toString()) + GoTabWriter.describe(table.toString());
    }

    /** The pod as its controller writes it and admission completes it. */
    private static Pod pod(RunMoment m, TaskRecord pod, TaskSpec task, boolean daemon, boolean stateful) {
        KubernetesPodSpec inputs = ServiceSpecs.podInputs(m.scenario(), pod.service(), pod.createdAt());
        long tolerationSeconds = m.scenario().kubernetes().defaultTolerationSeconds();
        Pod base = ModelTranslation.pod(pod.service(), KubernetesApi.name(m, pod), task.withImage(pod.image()));
        if (stateful) {
            base = base.toBuilder().label("apps.kubernetes.io/pod-index", Integer.toString(pod.slot()))
                    .label("statefulset.kubernetes.io/pod-name", pod.name()).build();
        } else if (!daemon) {
            base = base.toBuilder().label("pod-template-hash", replicaSet(pod).substring(pod.service().length() + 1)).build();
        }
        return daemon ? PodFromTemplate.daemonPod(base, inputs, tolerationSeconds, pod.node().orElse(""))
                : PodFromTemplate.pod(base, inputs, tolerationSeconds);
    }

    /** A ReplicaSet's pod is named after it: {@code <replicaset>-<5 characters>}. */
    private static String replicaSet(TaskRecord pod) {
        return pod.id().substring(0, pod.id().lastIndexOf('-'));
    }

    /** describe's volumes: a StatefulSet pod's claims, each by its template's name. */
    private static void volumes(StringBuilder w, TaskRecord pod, List<VolumeClaimTemplate> claims) {
        if (claims.isEmpty()) {
            w.append("Volumes:\t<none>\n");
            return;
        }
        w.append("Volumes:\n");
        for (VolumeClaimTemplate c : claims) {
            w.append(L1).append(c.name()).append(":\n");
            w.append(L2).append("Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n");
            w.append(L2).append("ClaimName:\t").append(StatefulSetNames.claimName(c.name(), pod.service(), pod.slot())).append('\n');
            w.append(L2).append("ReadOnly:\tfalse\n");
        }
    }

    private static void containers(StringBuilder w, RunMoment m, TaskRecord pod, TaskSpec task, Container container,
            List<VolumeClaimTemplate> claims) {
        boolean status = pod.reported().compareTo(TaskState.ACCEPTED) >= 0;
        w.append("Containers:\n").append(L1).append(pod.service()).append(":\n");
        if (status) {
            w.append(L2).append("Container ID:\t").append(pod.runningSince().isPresent()
                    ? "containerd://" + m.ids().container(pod.id() + "#" + pod.restarts()) : "").append('\n');
        }
        w.append(L2).append("Image:\t").append(pod.image()).append('\n');
        if (status) {
            w.append(L2).append("Image ID:\t").append(pod.runningSince().isPresent() ? imageId(m, pod.image()) : "").append('\n');
        }
        List<PortConfig> ports = task.ports();
        String port = ports.stream().map(p -> p.target() + "/" + p.protocol().toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "));
        w.append(L2).append(port.contains(",") ? "Ports:\t" : "Port:\t").append(port.isEmpty() ? "<none>" : port).append('\n');
        String hostPort = ports.stream().map(p -> (p.mode() == PublishMode.HOST ? p.published() : 0)
                + "/" + p.protocol().toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "));
        w.append(L2).append(hostPort.contains(",") ? "Host Ports:\t" : "Host Port:\t").append(hostPort.isEmpty() ? "<none>" : hostPort).append('\n');
        if (status) {
            state(w, m, pod);
            w.append(L2).append("Ready:\t").append(KubernetesApi.ready(m, pod) ? "True" : "False").append('\n');
            w.append(L2).append("Restart Count:\t").append(pod.restarts()).append('\n');
        }
        resources(w, "Limits", container.limits());
        resources(w, "Requests", container.requests());
        task.healthcheck().ifPresent(h -> w.append(L2).append("Readiness:\t").append(probe(h)).append('\n'));
        w.append(L2).append("Environment:\t<none>\n");
        if (claims.isEmpty()) {
            w.append(L2).append("Mounts:\t<none>\n");
        } else {
            w.append(L2).append("Mounts:\n");
            claims.stream().map(VolumeClaimTemplate::name).sorted()
                    .forEach(c -> w.append(L3).append('/').append(c).append(" from ").append(c).append(" (rw)\n"));
        }
    }

    private static void state(StringBuilder w, RunMoment m, TaskRecord pod) {
        TaskState s = pod.reported();
        if (s == TaskState.RUNNING || s.compareTo(TaskState.RUNNING) < 0 && pod.startedAgain() && pod.runningSince().isPresent()) {
            w.append(L2).append("State:\tRunning\n").append(L3).append("Started:\t")
                    .append(WallClock.rfc1123z(pod.runningSince().orElse(pod.reportedAt()))).append('\n');
        } else if (KubernetesApi.terminated(pod)) {
            terminated(w, "State", pod.lastTermination());
        } else {
            String reason = pod.imageWaiting().orElse(KubernetesApi.exited(pod) ? "CrashLoopBackOff" : "ContainerCreating");
            w.append(L2).append("State:\tWaiting\n").append(L3).append("Reason:\t").append(reason).append('\n');
        }
        if (pod.restarts() > 0 || KubernetesApi.exited(pod) && !KubernetesApi.terminated(pod)) {
            terminated(w, "Last State", KubernetesApi.lastState(pod));
        }
    }

    private static void terminated(StringBuilder w, String name, Optional<Termination> termination) {
        w.append(L2).append(name).append(":\tTerminated\n");
        termination.ifPresent(t -> {
            w.append(L3).append("Reason:\t").append(t.reason()).append('\n');
            w.append(L3).append("Exit Code:\t").append(t.exitCode()).append('\n');
            w.append(L3).append("Started:\t").append(WallClock.rfc1123z(t.started())).append('\n');
            w.append(L3).append("Finished:\t").append(WallClock.rfc1123z(t.finished())).append('\n');
        });
    }

    private static void resources(StringBuilder w, String title, SortedMap<String, Long> amounts) {
        if (amounts.isEmpty()) {
            return;
        }
        w.append(L2).append(title).append(":\n");
        amounts.forEach((name, amount) -> w.append(L3).append(name).append(":\t").append(quantity(name, amount)).append('\n'));
    }

    /** A quantity as the API prints it: CPU in cores or millicores, memory in binary units when exact. */
    private static String quantity(String name, long amount) {
        if (name.equals(ResourceNames.CPU)) {
            return amount % 1000 == 0 ? Long.toString(amount / 1000) : amount + "m";
        }
        if (name.equals(ResourceNames.MEMORY)) {
            String[] units = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
            long value = amount;
            int unit = -1;
            while (value % 1024 == 0 && value != 0 && unit < units.length - 1) {
                value /= 1024;
                unit++;
            }
            return unit < 0 ? Long.toString(amount) : value + units[unit];
        }
        return Long.toString(amount);
    }

    private static String probe(HealthCheck h) {
        return "exec [" + String.join(" ", h.command()) + "] delay=" + h.startPeriodNanos() / Durations.SECOND + "s timeout=" + h.timeoutNanos() / Durations.SECOND
                + "s period=" + h.intervalNanos() / Durations.SECOND + "s #success=1 #failure=" + h.retries();
    }

    private static void conditions(StringBuilder w, RunMoment m, TaskRecord pod) {
        Map<String, Boolean> conditions = new LinkedHashMap<>();
        TaskState s = pod.reported();
        if (s.compareTo(TaskState.ACCEPTED) >= 0) {
            boolean ready = KubernetesApi.ready(m, pod);
            conditions.put("PodReadyToStartContainers", s.compareTo(TaskState.PREPARING) >= 0);
            conditions.put("Initialized", true);
            conditions.put("Ready", ready);
            conditions.put("ContainersReady", ready);
        }
        conditions.put("PodScheduled", pod.node().isPresent());
        w.append("Conditions:\n").append(L1).append("Type\tStatus\n");
        conditions.forEach((type, status) -> w.append(L1).append(type).append(" \t").append(status ? "True" : "False").append(" \n"));
    }

    /** Upstream {@code GetPodQOS}, on CPU and memory: Guaranteed when limits are set and requests equal them. */
    private static String qos(Container c) {
        boolean any = c.requests().keySet().stream().anyMatch(PodDescription::qosResource)
                || c.limits().keySet().stream().anyMatch(PodDescription::qosResource);
        if (!any) {
            return "BestEffort";
        }
        boolean guaranteed = true;
        for (String r : List.of(ResourceNames.CPU, ResourceNames.MEMORY)) {
            Long limit = c.limits().get(r);
            Long request = c.requests().getOrDefault(r, limit);
            guaranteed &= limit != null && limit.equals(request);
        }
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    private static boolean qosResource(String r) {
        return r.equals(ResourceNames.CPU) || r.equals(ResourceNames.MEMORY);
    }

    /** describe's toleration: {@code key=value:Effect}, {@code op=Exists}, {@code for 300s}. */
    private static String toleration(Toleration t) {
        StringBuilder s = new StringBuilder(t.key());
        if (!t.value().isEmpty()) {
            s.append('=').append(t.value());
        }
        t.effect().ifPresent(e -> s.append(':').append(e.apiName()));
        if (t.operator() == Toleration.Operator.EXISTS && t.value().isEmpty()) {
            s.append(t.key().isEmpty() && t.effect().isEmpty() ? "op=Exists" : " op=Exists");
        }
        t.tolerationSeconds().ifPresent(secs -> s.append(" for ").append(secs).append('s'));
        return s.toString();
    }

    /** describe's multi-line fields: the first value beside the title, the others under it; {@code <none>} when empty. */
    private static void multiline(StringBuilder w, String title, List<String> values) {
        w.append(title).append(":\t");
        if (values.isEmpty()) {
            w.append("<none>\n");
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.append('\t');
            }
            w.append(values.get(i)).append('\n');
        }
    }

    /** The image's ID as containerd reports it: the repository, with Docker Hub's defaults, at its digest. */
    private static String imageId(RunMoment m, String image) {
        String repository = image.contains(":") && !image.substring(image.lastIndexOf(':')).contains("/")
                ? image.substring(0, image.lastIndexOf(':')) : image;
        if (!repository.contains("/")) {
            repository = "library/" + repository;
        }
        if (!repository.contains(".") || repository.indexOf('.') > repository.indexOf('/')) {
            repository = "docker.io/" + repository;
        }
        return repository + "@" + m.ids().imageDigest(image);
    }
}
