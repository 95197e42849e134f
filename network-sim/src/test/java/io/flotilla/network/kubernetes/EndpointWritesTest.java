package io.flotilla.network.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.network.random.Randomness;
import io.flotilla.network.request.Backends;
import io.flotilla.network.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KubernetesDataPlane#setEndpoints} keeps the backend of an endpoint found again, by
 * identity, at either end of the list: a plane handed each unchanged endpoint as the same object,
 * as the simulation's data plane does, ends every write with the same backends, ready endpoints,
 * proxy targets and DNS records as one handed fresh copies every time.
 */
class EndpointWritesTest {

    private static final List<String> NODES = List.of("cp", "n1", "n2", "n3");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void endpointsHandedOnAsTheSameObjectsGiveWhatFreshCopiesGive(long seed) {
        Plane shared = new Plane();
        Plane fresh = new Plane();
        SplittableRandom random = new SplittableRandom(seed);
        List<PodEndpoint> list = new ArrayList<>();
        int next = 0;
        for (int step = 0; step < 400; step++) {
            int what = random.nextInt(10);
            if (what < 4 || list.isEmpty()) { // a pod is listed, anywhere
                String pod = "db-" + next++;
                list.add(random.nextInt(list.size() + 1), new PodEndpoint(pod, pod, "10.244.0." + next,
                        NODES.get(random.nextInt(NODES.size())), conditions(random), Optional.of(pod)));
            } else if (what < 6) { // one goes
                list.remove(random.nextInt(list.size()));
            } else if (what < 9) { // one's conditions change
                int i = random.nextInt(list.size());
                list.set(i, list.get(i).with(conditions(random)));
            } else { // two change places
                int i = random.nextInt(list.size());
                int j = random.nextInt(list.size());
                PodEndpoint e = list.get(i);
                list.set(i, list.get(j));
                list.set(j, e);
            }
            long now = step * KubeWorld.S / 2;
            shared.plane.setEndpoints(now, "default", "db", List.copyOf(list));
            List<PodEndpoint> copies = new ArrayList<>();
            for (PodEndpoint e : list) {
                copies.add(new PodEndpoint(e.key(), e.pod(), e.address(), e.node(), e.conditions(), e.hostname()));
            }
            fresh.plane.setEndpoints(now, "default", "db", copies);

            assertEquals(fresh.backendKeys(), shared.backendKeys(), "step " + step);
            assertEquals(fresh.keys(fresh.plane.ready(0)), shared.keys(shared.plane.ready(0)), "step " + step);
            assertEquals(fresh.plane.proxyBackends("n1", "default", "db"), shared.plane.proxyBackends("n1", "default", "db"));
            assertEquals(fresh.plane.records("default", "db"), shared.plane.records("default", "db"));
            assertEquals(list, shared.plane.endpoints("default", "db"));
        }
    }

    /**
     * The kube-proxies that sync at the same API version share one copy of the targets: a proxy cut
     * off from the control plane keeps the targets of its last sync while the others take each new
     * write a sync later, and takes the newest again once it reaches the control plane.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void aProxyCutOffKeepsItsTargetsWhileTheOthersTakeEachWrite(long seed) {
        Topology topology = new Topology(NODES);
        KubernetesDataPlane plane = new KubernetesDataPlane(topology, new Backends(), Randomness.seeded(seed), "cp", KubeWorld.S);
        plane.putService(0, KubeService.clusterIp("web", "default", "10.96.0.2"));
        SplittableRandom random = new SplittableRandom(seed);
        List<PodEndpoint> list = new ArrayList<>();
        List<String> atCut = null;
        for (int step = 1; step <= 40; step++) {
            long now = step * 2 * KubeWorld.S;
            if (step == 10) {
                topology.partition(List.of(List.of("cp", "n1", "n2"), List.of("n3")));
                plane.topologyChanged(now);
                atCut = plane.proxyBackends("n3", "default", "web");
            } else if (step == 30) {
                topology.heal();
                plane.topologyChanged(now);
            }
            String pod = "web-" + step;
            list.add(random.nextInt(list.size() + 1), new PodEndpoint(pod, pod, "10.244.0." + step, NODES.get(step % 4),
                    conditions(random), Optional.empty()));
            plane.setEndpoints(now, "default", "web", List.copyOf(list));
            plane.advanceTo(now + KubeWorld.S);
            List<String> ready = new ArrayList<>();
            list.stream().filter(e -> e.conditions().ready()).forEach(e -> ready.add(e.key()));
            List<String> servingTerminating = new ArrayList<>();
            list.stream().filter(e -> !e.conditions().ready() && e.conditions().serving() && e.conditions().terminating())
                    .forEach(e -> servingTerminating.add(e.key()));
            List<String> targets = ready.isEmpty() ? servingTerminating : ready;
            for (String node : List.of("cp", "n1", "n2")) {
                assertEquals(targets, plane.proxyBackends(node, "default", "web"), node + " at step " + step);
            }
            assertEquals(step >= 10 && step < 30 ? atCut : targets, plane.proxyBackends("n3", "default", "web"),
                    "n3 at step " + step);
        }
    }

    private static EndpointConditions conditions(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> EndpointConditions.NOT_READY;
            case 1 -> new EndpointConditions(false, true, true);
            default -> EndpointConditions.READY;
        };
    }

    /** A data plane with its own backends, a headless Service {@code db} declared. */
    private static final class Plane {
        final Backends backends = new Backends();
        final KubernetesDataPlane plane = new KubernetesDataPlane(new Topology(NODES), backends, Randomness.seeded(1), "cp",
                KubeWorld.S);

        Plane() {
            plane.putService(0, KubeService.headless("db", "default"));
        }

        List<String> backendKeys() {
            List<String> out = new ArrayList<>();
            for (int b = 0; b < backends.size(); b++) {
                out.add(backends.key(b));
            }
            return out;
        }

        List<String> keys(int[] ids) {
            List<String> out = new ArrayList<>();
            for (int b : ids) {
                out.add(backends.key(b));
            }
            return out;
        }
    }
}
