package io.flotilla.scheduler.placement.kubernetes.plugins;

import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.list;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.node;
import static io.flotilla.scheduler.placement.kubernetes.plugins.Harness.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flotilla.scheduler.placement.kubernetes.ClusterState;
import io.flotilla.scheduler.placement.kubernetes.KubeNode;
import io.flotilla.scheduler.placement.kubernetes.KubernetesPlacement;
import io.flotilla.scheduler.placement.kubernetes.LabelSelector;
import io.flotilla.scheduler.placement.kubernetes.Pod;
import io.flotilla.scheduler.placement.kubernetes.PodAffinity;
import io.flotilla.scheduler.placement.kubernetes.PodAffinityTerm;
import io.flotilla.scheduler.placement.kubernetes.cache.Cache;
import io.flotilla.scheduler.placement.kubernetes.framework.Status;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** InterPodAffinity's filter and score on small clusters, the way upstream's filtering.go and scoring.go define them. */
class InterPodAffinityTest {

    static final String ZONE = KubeNode.ZONE_LABEL;
    static final LabelSelector WEB = LabelSelector.of("app", "web");
    static final LabelSelector DB = LabelSelector.of("app", "db");

    static List<KubeNode> zoneNodes() {
        return List.of(node("a1").label(ZONE, "a").cpu(4000).memory(8L << 30).build(),
                node("a2").label(ZONE, "a").cpu(4000).memory(8L << 30).build(),
                node("b1").label(ZONE, "b").cpu(4000).memory(8L << 30).build());
    }

    static Cache zones() {
        return Cache.of(zoneNodes());
    }

    static Status filter(Cache c, Pod p, String node) {
        return Harness.filter(new InterPodAffinity(1), c, p, node);
    }

    @Test
    void requiredAffinityNeedsAMatchingPodInTheNodesDomain() {
        Cache c = zones();
        c.bind(pod("db").label("app", "db").build(), "a2");
        Pod p = pod("web").label("app", "web").podAffinity(PodAffinity.required(PodAffinityTerm.of(DB, ZONE))).build();
        assertEquals(Status.SUCCESS, filter(c, p, "a1"));
        assertEquals(Status.unresolvable(InterPodAffinity.ERR_REASON_AFFINITY_RULES_NOT_MATCH), filter(c, p, "b1"));
    }

    @Test
    void theFirstPodOfASelfAffineGroupMayGoAnywhere() {
        Cache c = zones();
        Pod first = pod("web-0").label("app", "web").podAffinity(PodAffinity.required(PodAffinityTerm.of(WEB, ZONE))).build();
        assertEquals(Status.SUCCESS, filter(c, first, "b1"));
        Pod notSelf = pod("x").label("app", "x").podAffinity(PodAffinity.required(PodAffinityTerm.of(WEB, ZONE))).build();
        assertEquals(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE, filter(c, notSelf, "b1").code());
    }

    @Test
    void requiredAntiAffinityForbidsTheDomainOfAMatchingPod() {
        Cache c = zones();
        c.bind(pod("web-0").label("app", "web").build(), "a1");
        Pod p = pod("web-1").label("app", "web").podAntiAffinity(PodAffinity.required(PodAffinityTerm.of(WEB, ZONE))).build();
        assertEquals(Status.unschedulable(InterPodAffinity.ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH), filter(c, p, "a2"));
        assertEquals(Status.SUCCESS, filter(c, p, "b1"));
    }

    @Test
    void aBoundPodsAntiAffinityKeepsMatchingPodsOutOfItsDomain() {
        Cache c = zones();
        c.bind(pod("db").label("app", "db").podAntiAffinity(PodAffinity.required(PodAffinityTerm.of(WEB, ZONE))).build(), "a1");
        Pod web = pod("web").label("app", "web").build();
        assertEquals(Status.unschedulable(InterPodAffinity.ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH), filter(c, web, "a2"));
        assertEquals(Status.SUCCESS, filter(c, web, "b1"));
        assertEquals(Status.SUCCESS, filter(c, pod("other").label("app", "other").build(), "a2"));
        // once it is gone, so is the rule
        c.unbind("default/db");
        assertEquals(Status.SUCCESS, filter(c, web, "a2"));
    }

    @Test
    void namespacesOfATermDefaultToThePodsOwn() {
        Cache c = zones();
        c.bind(Pod.builder("other", "web-0").label("app", "web").build(), "a1");
        Pod p = pod("web-1").label("app", "web").podAntiAffinity(PodAffinity.required(PodAffinityTerm.of(WEB, ZONE))).build();
        assertEquals(Status.SUCCESS, filter(c, p, "a2"));
        Pod cross = pod("web-2").label("app", "web").podAntiAffinity(PodAffinity.required(
                new PodAffinityTerm(Optional.of(WEB), List.of("other"), ZONE))).build();
        assertEquals(Status.Code.UNSCHEDULABLE, filter(c, cross, "a2").code());
    }

    @Test
    void preferredTermsScorePerMatchingPodAndNormaliseBetweenMinAndMax() {
        Cache c = zones();
        c.bind(pod("db-0").label("app", "db").build(), "a1");
        c.bind(pod("db-1").label("app", "db").build(), "a2");
        c.bind(pod("web-0").label("app", "web").build(), "b1");
        Pod p = pod("p").podAffinity(PodAffinity.preferred(10, PodAffinityTerm.of(DB, ZONE)))
                .podAntiAffinity(PodAffinity.preferred(5, PodAffinityTerm.of(WEB, ZONE))).build();
        // zone a: +10 x 2 db pods = 20, zone b: -5 x 1 web pod = -5
        assertEquals(list(100, 100, 0), list(Harness.score(new InterPodAffinity(1), c, p)));
    }

    @Test
    void boundPodsRequiredAffinityAttractsThePodsItMatches() {
        Cache c = zones();
        c.bind(pod("db").label("app", "db").podAffinity(PodAffinity.required(PodAffinityTerm.of(WEB, ZONE))).build(), "b1");
        assertEquals(list(0, 0, 100), list(Harness.score(new InterPodAffinity(1), c, pod("web").label("app", "web").build())));
        assertNull(Harness.score(new InterPodAffinity(0), c, pod("web").label("app", "web").build()));
        assertNull(Harness.score(new InterPodAffinity(1), c, pod("x").label("app", "x").build()));
    }

    @Test
    void requiredAntiAffinityOnHostnameSpreadsOnePerNode() {
        ClusterState c = ClusterState.of(zoneNodes());
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 3; i++) {
            Pod p = pod("web-" + i).label("app", "web")
                    .podAntiAffinity(PodAffinity.required(PodAffinityTerm.of(WEB, KubeNode.HOSTNAME_LABEL))).build();
            assertEquals(true, KubernetesPlacement.DEFAULT.scheduleAndAssume(c, p, random).scheduled());
        }
        for (String n : List.of("a1", "a2", "b1")) {
            assertEquals(1, c.podsOn(n).size());
        }
        Pod fourth = pod("web-3").label("app", "web")
                .podAntiAffinity(PodAffinity.required(PodAffinityTerm.of(WEB, KubeNode.HOSTNAME_LABEL))).build();
        assertEquals(Optional.of("0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. "
                + "preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."),
                KubernetesPlacement.DEFAULT.schedule(c, fourth, random, false).failedScheduling());
    }
}
