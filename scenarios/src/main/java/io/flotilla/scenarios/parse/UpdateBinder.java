package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code update: {service, image, update_config, force}}: at least one of the last three; the
 * update settings left out keep the service's own, as {@code docker service update} does.
 */
final class UpdateBinder implements ActionBinder {

    static final List<String> KEYS = List.of("service", "image", "update_config", "force");

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
        Optional<String> why = service.flatMap(scope.view::checkService);
        why.ifPresent(w -> scope.problems.add(f.value("service").orElseThrow(), w));
        UpdateConfig base = service.flatMap(scope.view::get).flatMap(Workloads.Workload::spec)
                .map(ServiceSpec::update).orElse(UpdateConfig.DEFAULT);
        Optional<String> image = f.has("image") ? Optional.of(ServicesBinder.image(f, "")) : Optional.empty();
        image.ifPresent(scope.images::add);
        Optional<UpdateConfig> config = f.section("update_config", "update_config", DeployParts.UPDATE_KEYS)
                .map(u -> DeployParts.updateConfig(u, false, base));
        boolean force = f.bool("force", false);
        if (image.isEmpty() && config.isEmpty() && !force) {
            scope.problems.add(f.node(), "update changes nothing; give image, update_config or force: true");
            return Optional.empty();
        }
        if (service.isEmpty() || why.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Action.Update(service.get(), image, config, force));
    }
}
