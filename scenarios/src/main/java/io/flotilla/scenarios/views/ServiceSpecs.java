package io.flotilla.scenarios.views;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scheduler.model.EndpointMode;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import java.util.Optional;

/**
 * A service's spec as the scenario gave it at some time: deployed at 0, or replaced by a timeline
 * {@code deploy} since. An {@code update} changes only the image (each task carries its own) and
 * how later updates roll, which the views do not show. A statefulset's pods (or, under Swarm, its
 * ordinals' tasks) name the statefulset as their service: its spec is then a replicated service's
 * of the same task, as the views read it.
 */
final class ServiceSpecs {

    private ServiceSpecs() {}

    static Optional<ServiceSpec> at(Scenario scenario, String service, long time) {
        Optional<StatefulSetDecl> set = statefulSet(scenario, service, time);
        if (set.isPresent()) {
            return Optional.of(new ServiceSpec(service, ServiceMode.REPLICATED, set.get().replicas(), set.get().task(),
                    UpdateConfig.DEFAULT, UpdateConfig.DEFAULT, EndpointMode.DNSRR));
        }
        Optional<ServiceSpec> spec = scenario.services().stream().filter(s -> s.name().equals(service)).findFirst();
        for (TimelineItem item : scenario.timeline()) {
            if (item.at() <= time && item.action() instanceof Action.Deploy d) {
                Optional<ServiceSpec> replaced = d.services().stream().filter(s -> s.name().equals(service)).findFirst();
                if (replaced.isPresent()) {
                    spec = replaced;
                }
            }
        }
        return spec;
    }

    /** The statefulset of that name as the scenario gave it at {@code time}, if it is one. */
    static Optional<StatefulSetDecl> statefulSet(Scenario scenario, String name, long time) {
        Optional<StatefulSetDecl> set = scenario.statefulsets().stream().filter(s -> s.name().equals(name)).findFirst();
        for (TimelineItem item : scenario.timeline()) {
            if (item.at() <= time && item.action() instanceof Action.Deploy d) {
                Optional<StatefulSetDecl> replaced = d.statefulsets().stream().filter(s -> s.name().equals(name)).findFirst();
                if (replaced.isPresent()) {
                    set = replaced;
                }
            }
        }
        return set;
    }

    /** The Kubernetes pod inputs the service had at {@code time}. */
    static KubernetesPodSpec podInputs(Scenario scenario, String service, long time) {
        KubernetesPodSpec inputs = scenario.pod(service);
        for (TimelineItem item : scenario.timeline()) {
            if (item.at() <= time && item.action() instanceof Action.Deploy d
                    && (d.services().stream().anyMatch(s -> s.name().equals(service))
                            || d.statefulsets().stream().anyMatch(s -> s.name().equals(service)))) {
                inputs = d.pod(service);
            }
        }
        return inputs;
    }
}
