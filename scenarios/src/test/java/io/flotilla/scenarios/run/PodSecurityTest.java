package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.MS;
import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.sim.events.ClaimChanged;
import io.flotilla.sim.events.ReplicaSetScaled;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.WorkloadFailedCreate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pod Security admission in a run under the kubernetes strategy: a pod the namespace's level
 * forbids is refused as the API server creates it, with upstream's words (the refusals quoted in
 * kubernetes/kubernetes' pod-security-admission tests and in bug reports such as
 * redhat-developer/odo#6847), never exists, and its controller records FailedCreate and tries
 * again after client-go's {@code ItemExponentialFailureRateLimiter} back-off (5ms doubling).
 */
class PodSecurityTest {

    private static Sim run(String level, String services, String extra) {
        return Sim.run("psa", """
                scenario: psa
                strategy: kubernetes
                until: 2m
                kubernetes: {pod_security: %s}
                nodes:
                  - {name: control-plane, role: manager, availability: drain}
                  - {name: worker, count: 2}
                services:
                %s%s""".formatted(level, services, extra));
    }

    static final String PLAIN = "  web: {image: \"nginx:1.27\", deploy: {replicas: 2}}\n";
    static final String HARDENED = "  web: {image: \"nginx:1.27\", user: \"101\", cap_drop: [ALL], "
            + "security_opt: [\"no-new-privileges:true\", \"seccomp=builtin\"], deploy: {replicas: 2}}\n";

    @Test
    void restrictedRefusesAPlainPodWithUpstreamsWordsAndNothingRuns() {
        Sim sim = run("restricted", PLAIN, "");
        List<Sim.At<WorkloadFailedCreate>> failed = sim.all(WorkloadFailedCreate.class, e -> true);
        WorkloadFailedCreate first = failed.get(0).event();
        assertEquals(0, failed.get(0).time());
        String rs = sim.all(ReplicaSetScaled.class, e -> true).get(0).event().replicaSet();
        assertEquals("ReplicaSet", first.kind());
        assertEquals(rs, first.object());
        assertTrue(first.message().matches("Error creating: pods \"" + rs + "-[a-z0-9]{5}\" is forbidden: .*"), first.message());
        assertEquals("violates PodSecurity \"restricted:latest\": "
                + "allowPrivilegeEscalation != false (container \"web\" must set securityContext.allowPrivilegeEscalation=false), "
                + "unrestricted capabilities (container \"web\" must set securityContext.capabilities.drop=[\"ALL\"]), "
                + "runAsNonRoot != true (pod or container \"web\" must set securityContext.runAsNonRoot=true), "
                + "seccompProfile (pod or container \"web\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")",
                first.message().substring(first.message().indexOf("is forbidden: ") + "is forbidden: ".length()));
        assertEquals(List.of(), sim.all(TaskCreated.class, e -> true), "a refused pod never exists");
        assertEquals(0, sim.running("web", "2m"));
    }

    /** One attempt per back-off step: 5ms, 10ms, 20ms ... after each refusal, so at 0, 5ms, 15ms, 35ms ... 81.915s. */
    @Test
    void theReplicaSetTriesAgainAfterTheWorkQueuesBackoff() {
        Sim sim = run("restricted", PLAIN, "");
        List<Sim.At<WorkloadFailedCreate>> failed = sim.all(WorkloadFailedCreate.class, e -> true);
        assertEquals(15, failed.size(), "attempts in 2 minutes");
        long expected = 0;
        for (int i = 0; i < failed.size(); i++) {
            assertEquals(expected, failed.get(i).time(), "attempt " + (i + 1));
            assertEquals(i + 1, failed.get(i).event().count());
            expected += (5 * MS) << i;
        }
        assertEquals(t("1m21.915s"), failed.get(14).time());
        assertTrue(failed.stream().map(a -> a.event().message()).distinct().count() == 15, "each attempt is a new pod name");
    }

    @Test
    void restrictedAdmitsAHardenedPod() {
        Sim sim = run("restricted", HARDENED, "");
        assertEquals(List.of(), sim.all(WorkloadFailedCreate.class, e -> true));
        assertEquals(2, sim.running("web", "3s"));
    }

    @Test
    void theDefaultPrivilegedLevelAdmitsEverything() {
        Sim sim = run("privileged", "  web: {image: \"nginx:1.27\", privileged: true, user: \"0\", "
                + "security_opt: [seccomp=unconfined], ports: [{target: 80, published: 8080, mode: host}], deploy: {replicas: 2}}\n", "");
        assertEquals(List.of(), sim.all(WorkloadFailedCreate.class, e -> true));
        assertEquals(2, sim.running("web", "3s"));
    }

    @Test
    void baselineRefusesPrivilegedHostPortsAndAddedCapabilitiesButNotRoot() {
        Sim refused = run("baseline", "  web: {image: \"nginx:1.27\", privileged: true, cap_add: [NET_ADMIN], "
                + "ports: [{target: 80, published: 8080, mode: host}], deploy: {replicas: 2}}\n", "");
        String message = refused.all(WorkloadFailedCreate.class, e -> true).get(0).event().message();
        assertTrue(message.endsWith("violates PodSecurity \"baseline:latest\": "
                + "hostPort (container \"web\" uses hostPort 8080), "
                + "privileged (container \"web\" must not set securityContext.privileged=true), "
                + "non-default capabilities (container \"web\" must not include \"NET_ADMIN\" in securityContext.capabilities.add)"),
                message);
        Sim admitted = run("baseline", PLAIN, "");
        assertEquals(2, admitted.running("web", "3s"));
    }

    /** The DaemonSet controller creates through the same API server: its pods are refused alike. */
    @Test
    void aDaemonSetsPodsAreRefusedToo() {
        Sim sim = run("baseline", "  agent: {image: \"agent:1\", privileged: true, deploy: {mode: global}}\n", "");
        List<Sim.At<WorkloadFailedCreate>> failed = sim.all(WorkloadFailedCreate.class, e -> true);
        assertEquals("DaemonSet", failed.get(0).event().kind());
        assertEquals("agent", failed.get(0).event().object());
        assertTrue(failed.get(0).event().message().matches("Error creating: pods \"agent-[a-z0-9]{5}\" is forbidden: "
                + "violates PodSecurity \"baseline:latest\": privileged \\(container \"agent\" must not set "
                + "securityContext.privileged=true\\)"), failed.get(0).event().message());
        assertEquals(t("5ms"), failed.get(1).time());
        assertEquals(0, sim.running("agent", "2m"));
    }

    /**
     * A rollout to a template the namespace forbids: the new ReplicaSet's pods are refused, so none
     * becomes available and the old pods keep running (maxUnavailable 25% of 2 is 0); the way out
     * is another template.
     */
    @Test
    void aRolloutToAForbiddenTemplateLeavesTheOldPodsRunning() {
        Sim sim = run("baseline", PLAIN, """
                timeline:
                  - at: 30s
                    deploy: {services: {web: {image: "nginx:1.27", privileged: true, deploy: {replicas: 2}}}}
                """);
        assertEquals(t("30s"), sim.all(WorkloadFailedCreate.class, e -> true).get(0).time());
        assertEquals(2, sim.minRunning("web", t("30s"), t("2m")));
    }

    /**
     * The StatefulSet controller creates through the same API server: its pod is refused under its
     * own name, in the words of upstream's {@code recordPodEvent} ("create Pod db-0 in StatefulSet db
     * failed error: ..."); the claim it made first stays, and it tries again after the same back-off,
     * under the same name, creating nothing beyond the refused ordinal (OrderedReady).
     */
    @Test
    void aStatefulSetsPodIsRefusedInItsControllersWords() {
        Sim sim = run("restricted", HARDENED, """
                storage_classes:
                  disk: {type: network, binding: WaitForFirstConsumer}
                statefulsets:
                  db: {image: "postgres:16", replicas: 2, volume_claim_templates: [{name: data, storage_class: disk, size: 1Gi}]}
                """);
        List<Sim.At<WorkloadFailedCreate>> failed = sim.all(WorkloadFailedCreate.class, e -> e.kind().equals("StatefulSet"));
        assertEquals("db", failed.get(0).event().object());
        assertEquals("create Pod db-0 in StatefulSet db failed error: pods \"db-0\" is forbidden: violates PodSecurity "
                + "\"restricted:latest\": allowPrivilegeEscalation != false (container \"db\" must set "
                + "securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container \"db\" must set "
                + "securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true (pod or container \"db\" must set "
                + "securityContext.runAsNonRoot=true), seccompProfile (pod or container \"db\" must set "
                + "securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")", failed.get(0).event().message());
        assertEquals(15, failed.size(), "attempts in 2 minutes");
        assertEquals(t("5ms"), failed.get(1).time());
        assertEquals(t("1m21.915s"), failed.get(14).time());
        assertEquals(1, failed.stream().map(a -> a.event().message()).distinct().count(), "the same pod name each time");
        assertEquals(List.of("data-db-0"), sim.all(ClaimChanged.class, e -> e.change().equals("create")).stream()
                .map(a -> a.event().claim()).toList(), "the claim made before the pod stays; db-1 waits for db-0");
        assertEquals(List.of(), sim.all(TaskCreated.class, e -> e.service().equals("db")), "a refused pod never exists");
        assertEquals(2, sim.running("web", "3s"));
    }
}
