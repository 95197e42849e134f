package io.flotilla.network.swarm;

import io.flotilla.network.driver.NetworkSpec;
import io.flotilla.network.driver.Networks;
import io.flotilla.network.gossip.Endpoint;
import io.flotilla.network.gossip.GossipEvent;
import io.flotilla.network.gossip.GossipEvent.EntryChanged;
import io.flotilla.network.random.Randomness;
import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.network.swarm.SwarmDataPlane.EndpointMode;
import io.flotilla.network.swarm.SwarmDataPlane.ServiceDecl;
import io.flotilla.network.topology.Topology;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A converged Swarm data plane for tests: every node's view already holds every endpoint it should. */
final class SwarmWorld {

    static final long S = 1_000_000_000L;

    final List<String> hosts;
    final Topology topology;
    final Networks networks;
    final Backends backends = new Backends();
    final SwarmDataPlane plane;
    final SwarmRouter router;
    final Outcome out = new Outcome();

    SwarmWorld(List<String> hosts, NetworkSpec... nets) {
        this.hosts = hosts;
        this.topology = new Topology(hosts);
        this.networks = new Networks(Arrays.asList(nets));
        this.plane = new SwarmDataPlane(topology, networks, backends, Randomness.seeded(1));
        this.router = new SwarmRouter(plane, topology, backends, 0);
    }

    SwarmWorld service(String name, EndpointMode mode, List<String> nets, Integer... ingressPorts) {
        plane.declareService(new ServiceDecl(name, mode, nets, List.of(ingressPorts)));
        return this;
    }

    /** A running task whose endpoint every node has learnt (bridge: only its own host). */
    SwarmWorld task(String task, String service, String network, String host, String address, Optional<String> vip) {
        Endpoint e = new Endpoint(network, task, service, address, vip, List.of(), false);
        if (networks.driver(network).orElseThrow().crossesHosts()) {
            hosts.forEach(h -> plane.apply(new EntryChanged(0, h, network, task, host, GossipEvent.Op.ADDED, e)));
        } else {
            plane.localEndpoint(host, task, GossipEvent.Op.ADDED, e);
        }
        backends.setServing(backends.id(task).orElseThrow(), true);
        return this;
    }

    /** One node changes its view of an endpoint. */
    void seen(String observer, String task, GossipEvent.Op op, Endpoint e) {
        plane.apply(new EntryChanged(0, observer, e.network(), task, observer, op, e));
    }

    Result send(String from, Optional<String> network, String target) {
        return router.send(router.route(from, network, Target.parse(target)), 0, 2 * S, out);
    }

    String servedBy() {
        return backends.name(out.backend);
    }
}
