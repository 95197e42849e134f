package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.lint.ImageVulnerabilitiesRule;
import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.SecretDecl;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scheduler.model.FileReference;
import io.flotilla.scheduler.model.SecretChange;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code update: {service, image, update_config, force, secret_rm, secret_add}}: at least one of the
 * last five; the update settings left out keep the service's own, as {@code docker service update}
 * does. {@code secret_rm} (names of granted secrets) and {@code secret_add} (as a service's
 * {@code secrets}) are its {@code --secret-rm} and {@code --secret-add}: a secret rotated by a
 * rolling update, the new one taking the old one's target. For a
 * statefulset: {@code {service, image, partition, force}}, a new image and/or a new rolling-update
 * partition; it has no {@code update_config}.
 */
final class UpdateBinder implements ActionBinder {

    static final List<String> KEYS = List.of("service", "image", "update_config", "force", "partition", "secret_add",
            "secret_rm");

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
        SecretChange secrets = SecretChange.NONE;
        if (statefulset) {
            for (String key : List.of("secret_add", "secret_rm")) {
                f.key(key).ifPresent(k -> scope.problems.add(k, key + ": a statefulset's update has a new image and/or partition; "
                        + "deploy it again to change its secrets"));
            }
        } else if (f.has("secret_add") || f.has("secret_rm")) {
            secrets = secrets(f, service.flatMap(scope.view::get).flatMap(Workloads.Workload::spec), scope);
        }
        if (image.isEmpty() && config.isEmpty() && !force && partition.isEmpty() && !f.has("secret_add") && !f.has("secret_rm")) {
            scope.problems.add(f.node(), "update changes nothing; give image, "
                    + (statefulset ? "partition" : "update_config, secret_rm, secret_add") + " or force: true");
            return Optional.empty();
        }
        if (service.isEmpty() || why.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Action.Update(service.get(), image, config, force, statefulset ? partition : OptionalInt.empty(),
                secrets));
    }

    /**
     * {@code secret_rm} and {@code secret_add}, checked against the secrets the service is granted at
     * that moment: a name it is not granted is an error (the CLI would change nothing, silently), and
     * so are two secrets with one target afterwards (swarmkit's words). Items after this one see the
     * service with its new secrets.
     */
    private static SecretChange secrets(Fields f, Optional<ServiceSpec> spec, TimelineScope scope) {
        List<String> remove = new ArrayList<>();
        Map<String, SecretDecl> declared = scope.services.declared().secrets();
        for (Node item : f.list("secret_rm")) {
            Values.string(item, "secret_rm", scope.problems).ifPresent(name -> {
                boolean granted = spec.map(s -> s.task().files(FileReference.Kind.SECRET).stream()
                        .anyMatch(r -> r.name().equals(name))).orElse(true);
                if (!declared.containsKey(name)) {
                    scope.problems.add(item, "secret_rm: unknown secret '" + name + "'" + Suggestions.didYouMean(name, declared.keySet()));
                } else if (!granted) {
                    scope.problems.add(item, "secret_rm: service '" + spec.get().name() + "' is not granted secret '" + name + "'");
                } else {
                    remove.add(name);
                }
            });
        }
        SecretChange change = new SecretChange(GrantsBinder.secrets(f, "secret_add", scope.services.declared()), remove);
        spec.ifPresent(s -> {
            Map<String, String> targets = new HashMap<>();
            for (FileReference r : change.apply(s.task()).files(FileReference.Kind.SECRET)) {
                String other = targets.putIfAbsent(r.target(), r.name());
                if (other != null) {
                    scope.problems.add(f.value("secret_add").orElse(f.node()), "secret references '" + other + "' and '" + r.name()
                            + "' have a conflicting target: '" + r.target() + "'");
                    return;
                }
            }
            scope.workloads.addService(s.withTask(change.apply(s.task())), scope.at, scope.seq);
        });
        return change;
    }
}
