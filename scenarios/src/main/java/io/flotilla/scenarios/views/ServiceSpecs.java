package io.flotilla.scenarios.views;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import java.util.Optional;

/**
 * A service's spec as the scenario gave it at some time: deployed at 0, or replaced by a timeline
 * {@code deploy} since. An {@code update} changes only the image (each task carries its own) and
 * how later updates roll, which the views do not show.
 */
final class ServiceSpecs {

    private ServiceSpecs() {}

    static Optional<ServiceSpec> at(Scenario scenario, String service, long time) {
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

    /** The Kubernetes pod inputs the service had at {@code time}. */
    static KubernetesPodSpec podInputs(Scenario scenario, String service, long time) {
        KubernetesPodSpec inputs = scenario.pod(service);
        for (TimelineItem item : scenario.timeline()) {
            if (item.at() <= time && item.action() instanceof Action.Deploy d
                    && d.services().stream().anyMatch(s -> s.name().equals(service))) {
                inputs = d.pod(service);
            }
        }
        return inputs;
    }
}
