package io.flotilla.sim.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.network.dns.DnsRecords;
import io.flotilla.network.kubernetes.NetworkPolicies;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.topology.Topology;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.Placement;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.sim.control.ServiceEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KubernetesPlane} makes again only the endpoints that are not the very objects it applied
 * last time, or whose pod's IP was given or taken since: a plane handed each unchanged endpoint
 * as the same object, as the EndpointSlice controller hands them on, answers the DNS, names the
 * same hostnames and knows the same backends after every step as one handed fresh copies, while pods start, stop, are
 * removed and their nodes crash and boot.
 */
class KubernetesEndpointsTest {

    private static final long S = 1_000_000_000L;
    private static final List<String> NODES = List.of("cp", "n1", "n2", "n3");
    private static final TaskSpec SPEC = new TaskSpec("db:1", Resources.NONE, Resources.NONE, Placement.NONE, List.of(),
            List.of(), RestartPolicy.DEFAULT);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void endpointsHandedOnAsTheSameObjectsGiveWhatFreshCopiesGive(long seed) {
        KubernetesPlane shared = plane();
        KubernetesPlane fresh = plane();
        SplittableRandom random = new SplittableRandom(seed);
        List<ServiceEndpoint> list = new ArrayList<>();
        List<String> pods = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pods.add("db-" + i);
        }
        int readdressed = 0;
        for (int step = 0; step < 600; step++) {
            long now = step * S / 4;
            String pod = pods.get(random.nextInt(pods.size()));
            String node = NODES.get(1 + Math.floorMod(pod.hashCode(), NODES.size() - 1));
            int what = random.nextInt(12);
            if (what < 3) { // its container starts: a pod without an IP gets one
                Task task = new Task(pod, pod, "db", 1, 1, SPEC, node, TaskState.RUNNING, TaskState.RUNNING, null);
                shared.containerStarted(node, task, now);
                fresh.containerStarted(node, task, now);
            } else if (what < 4) { // it is removed: its IP goes
                shared.containerStopped(node, pod, true, now);
                fresh.containerStopped(node, pod, true, now);
            } else if (what < 5) { // its node crashes and boots: every IP there goes
                shared.hostDown(node, now);
                fresh.hostDown(node, now);
                shared.hostUp(node, now);
                fresh.hostUp(node, now);
                readdressed++;
            } else { // the endpoints change at one pod, the rest handed on as they were
                int at = indexOf(list, pod);
                boolean ready = random.nextBoolean();
                ServiceEndpoint e = new ServiceEndpoint(pod, node, ready, ready, false, Optional.of(pod));
                if (at < 0) {
                    list.add(random.nextInt(list.size() + 1), e);
                } else if (random.nextInt(3) == 0) {
                    list.remove(at);
                } else {
                    list.set(at, e);
                }
                shared.endpointsChanged("db", List.copyOf(list), now);
                List<ServiceEndpoint> copies = new ArrayList<>();
                for (ServiceEndpoint x : list) {
                    copies.add(new ServiceEndpoint(x.pod(), x.node(), x.ready(), x.serving(), x.terminating(), x.hostname()));
                }
                fresh.endpointsChanged("db", copies, now);
            }
            assertEquals(records(fresh), records(shared), "step " + step);
            assertEquals(fresh.dnsNames(KubernetesPlane.POD_NETWORK), shared.dnsNames(KubernetesPlane.POD_NETWORK));
            assertEquals(fresh.backends().size(), shared.backends().size());
            for (int b = 0; b < fresh.backends().size(); b++) {
                assertEquals(fresh.backends().key(b), shared.backends().key(b));
            }
        }
        assertTrue(readdressed > 10, "nodes rebooted: " + readdressed);
    }

    private static int indexOf(List<ServiceEndpoint> list, String pod) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).pod().equals(pod)) {
                return i;
            }
        }
        return -1;
    }

    /** What the cluster DNS answers for each pod's name and for the headless Service. */
    private static List<DnsRecords> records(KubernetesPlane plane) {
        List<DnsRecords> out = new ArrayList<>();
        out.add(plane.records("cp", KubernetesPlane.POD_NETWORK, "db"));
        for (int i = 0; i < 12; i++) {
            out.add(plane.records("cp", KubernetesPlane.POD_NETWORK, "db-" + i + ".db"));
        }
        return out;
    }

    private static KubernetesPlane plane() {
        KubernetesPlane plane = new KubernetesPlane(new Topology(NODES), "cp", Randomness.seeded(1), 0, new Changes() {
            @Override
            public void addressed(String taskId, String network, String address) {}

            @Override
            public void attached(String node, String network) {}

            @Override
            public void detached(String node, String network) {}

            @Override
            public void nodeGone(String node) {}

            @Override
            public void viewChanged(String node, String network) {}

            @Override
            public void everythingChanged() {}
        }, NetworkPolicies.NONE);
        plane.serviceDeclared(new ServiceSpec("db", ServiceMode.REPLICATED, 12, SPEC, UpdateConfig.DEFAULT,
                UpdateConfig.DEFAULT, EndpointMode.DNSRR), new TreeMap<>(), 0);
        return plane;
    }
}
