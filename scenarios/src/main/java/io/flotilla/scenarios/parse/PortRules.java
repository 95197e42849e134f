package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.ServiceSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Swarmkit's port validation, with its words: {@code validateEndpointSpec} within one service, and
 * {@code checkPortConflicts} between services (an ingress port is open on every node, so no other
 * service may publish the same port; host-mode ports may be shared, the scheduler keeps them apart).
 */
final class PortRules {

    static final String INGRESS_WITH_DNSRR = "EndpointSpec: port published with ingress mode can't be used with dnsrr mode";
    static final String DUPLICATE = "EndpointSpec: duplicate published ports provided";

    private PortRules() {}

    static void checkService(EndpointMode endpointMode, List<PortsBinder.At> ports, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (PortsBinder.At at : ports) {
            PortConfig p = at.port();
            if (endpointMode == EndpointMode.DNSRR && p.mode() == PublishMode.INGRESS) {
                problems.add(at.node(), INGRESS_WITH_DNSRR);
            } else if (p.published() != 0 && !seen.add(p.published() + "/" + p.protocol())) {
                problems.add(at.node(), DUPLICATE);
            }
        }
    }

    /** Reports each port of the new service that another service already holds. */
    static void checkConflicts(String service, List<PortsBinder.At> ports, List<ServiceSpec> others, Problems problems) {
        for (PortsBinder.At at : ports) {
            PortConfig p = at.port();
            if (p.published() == 0) {
                continue;
            }
            conflict(service, p, others).ifPresent(message -> problems.add(at.node(), message));
        }
    }

    /** The first service that already holds {@code p}'s published port, in swarmkit's words. */
    private static Optional<String> conflict(String service, PortConfig p, List<ServiceSpec> others) {
        for (ServiceSpec other : others) {
            if (other.name().equals(service)) {
                continue;
            }
            for (PortConfig q : other.task().ports()) {
                if (q.published() != p.published() || !q.protocol().equals(p.protocol())) {
                    continue;
                }
                String held = "port '" + p.published() + "' is already in use by service '" + other.name() + "' ("
                        + other.name() + ")";
                if (q.mode() == PublishMode.INGRESS) {
                    return Optional.of(held + " as an ingress port");
                }
                if (p.mode() == PublishMode.INGRESS) {
                    return Optional.of(held + " as a host-published port");
                }
            }
        }
        return Optional.empty();
    }
}
