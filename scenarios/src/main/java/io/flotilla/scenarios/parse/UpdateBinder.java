package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.lint.ImageVulnerabilitiesRule;
import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code update: {service, image, update_config, force}}: at least one of the last three; the
 * update settings left out keep the service's own, as {@code docker service update} does. For a
 * statefulset: {@code {service, image, partition, force}}, a new image and/or a new rolling-update
 * partition; it has no {@code update_config}.
 */
final class UpdateBinder implements ActionBinder {

    static final List<String> KEYS = List.of("service", "image", "update_config", "force", "partition");

    public String keyword() {
        return "update";
    }

    public Class<? extends Action> kind() {
        return Action.Update.class;
    }

    public Optional<Action> bind(Node value, TimelineScope scope) {
        Optional<Fields> fields = Fields.of(value, "update", "update", scope.problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> service = f.required("service").flatMap(n -> f.string("service"));
        boolean statefulset = service.flatMap(scope.view::get).map(Workloads.Workload::statefulset).orElse(false);
        Optional<String> why = service.flatMap(statefulset ? scope.view::checkWorkload : scope.view::checkService);
        why.ifPresent(w -> scope.problems.add(f.value("service").orElseThrow(), w));
        UpdateConfig base = service.flatMap(scope.view::get).flatMap(Workloads.Workload::spec)
                .map(ServiceSpec::update).orElse(UpdateConfig.DEFAULT);
        Optional<String> image = f.has("image") ? Optional.of(ServicesBinder.image(f, "")) : Optional.empty();
        image.ifPresent(scope.images::add);
        // The image a deploy rolls out is what a pipeline's scan gate looks at.
        image.ifPresent(i -> service.ifPresent(s -> ImageVulnerabilitiesRule.scan("the update of '" + s + "' rolls out " + i,
                Yaml.pos(f.value("image").orElseThrow()), Optional.ofNullable(scope.services.images().get(i))
                        .map(ImageDecl::vulnerabilities).orElse(List.of())).ifPresent(scope.problems::lint)));
        if (statefulset) {
            f.key("update_config").ifPresent(k -> scope.problems.add(k, "update_config: a statefulset updates one pod at a "
                    + "time, highest ordinal first; its only setting is partition"));
        } else {
            f.key("partition").ifPresent(k -> scope.problems.add(k, "partition: only a statefulset's update has a partition"));
        }
        Optional<UpdateConfig> config = statefulset ? Optional.empty()
                : f.section("update_config", "update_config", DeployParts.UPDATE_KEYS).map(u -> DeployParts.updateConfig(u, false, base));
        OptionalInt partition = f.has("partition")
                ? OptionalInt.of(f.integer("partition", 0, 0, ServicesBinder.MAX_REPLICAS))
                : OptionalInt.empty();
        boolean force = f.bool("force", false);
        if (image.isEmpty() && config.isEmpty() && !force && partition.isEmpty()) {
            scope.problems.add(f.node(), "update changes nothing; give image, " + (statefulset ? "partition" : "update_config")
                    + " or force: true");
            return Optional.empty();
        }
        if (service.isEmpty() || why.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Action.Update(service.get(), image, config, force, statefulset ? partition : OptionalInt.empty()));
    }
}
