package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Check;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code image: {web.1: "nginx:1.28", api: "api:2"}}: the image a task runs, or that every running
 * task of a service or statefulset runs. A key that names a workload is the workload; anything else
 * is a task name.
 */
final class ImageBinder implements CheckBinder {

    public String keyword() {
        return "image";
    }

    public Class<? extends Check> kind() {
        return Check.Image.class;
    }

    public Optional<Check> bind(Node value, ExpectationScope scope) {
        Optional<List<Fields.Entry>> entries = scope.entries(value, "image");
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<String, String> tasks = new TreeMap<>();
        TreeMap<String, String> services = new TreeMap<>();
        for (Fields.Entry e : entries.get()) {
            boolean workload = scope.view.get(e.name()).isPresent();
            if (!workload) {
                // A name that cannot be a task's is read as a workload's, for the better message.
                boolean taskLike = e.name().contains(".") || e.name().matches(".*-\\d+");
                (taskLike ? TaskNames.check(e.name(), scope.view, scope.nodes) : scope.view.checkWorkload(e.name()))
                        .ifPresent(why -> scope.problems.add(e.key(), why));
            }
            Optional<String> image = Values.string(e.value(), e.name(), scope.problems);
            image.filter(String::isBlank)
                    .ifPresent(i -> scope.problems.add(e.value(), e.name() + ": expected an image such as nginx:1.28"));
            image.filter(i -> !i.isBlank()).ifPresent(i -> (workload ? services : tasks).put(e.name(), i));
        }
        if (entries.get().isEmpty()) {
            scope.problems.add(value, "image: expected at least one task or workload");
        }
        return Optional.of(new Check.Image(tasks, services));
    }
}
