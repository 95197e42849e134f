package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.SecretDecl;
import io.flotilla.scheduler.model.FileReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A service's {@code secrets} and {@code configs}: the declared ones it is granted, short form
 * ({@code - db_password}) or long ({@code {source, target, uid, gid, mode}}), as {@code docker
 * stack deploy} turns them into references: the target defaults to the source's key, uid and gid
 * to {@code 0}, mode to {@code 0444}, and the references are sorted by name. Two references may
 * not share a target (swarmkit's words).
 *
 * <p>Rotating a secret is granting a new one: {@code db_password_v2} with {@code target:
 * db_password} keeps the path in the container, and the deploy that grants it replaces the tasks.
 */
final class GrantsBinder {

    static final List<String> KEYS = List.of("source", "target", "uid", "gid", "mode");

    private GrantsBinder() {}

    static List<FileReference> bind(Fields service, SecretsBinder.Declared declared) {
        List<FileReference> out = new ArrayList<>();
        out.addAll(bind(service, declared, FileReference.Kind.SECRET));
        out.addAll(bind(service, declared, FileReference.Kind.CONFIG));
        return out;
    }

    private static List<FileReference> bind(Fields service, SecretsBinder.Declared declared, FileReference.Kind kind) {
        List<FileReference> refs = references(service, kind.word() + "s", declared, kind);
        refs.sort(Comparator.comparing(FileReference::name));
        return refs;
    }

    /**
     * The secrets under {@code key} of {@code f} ({@code secret_add} of an {@code update}), in the
     * forms of a service's {@code secrets}, in the order written, as {@code --secret-add} appends them.
     */
    static List<FileReference> secrets(Fields f, String key, SecretsBinder.Declared declared) {
        return references(f, key, declared, FileReference.Kind.SECRET);
    }

    private static List<FileReference> references(Fields service, String key, SecretsBinder.Declared declared,
            FileReference.Kind kind) {
        List<FileReference> refs = new ArrayList<>();
        Map<String, String> targets = new HashMap<>();
        for (Node item : service.list(key)) {
            Optional<FileReference> ref = Yaml.isScalar(item)
                    ? Values.string(item, key, service.problems()).flatMap(s -> reference(kind, s, item, s, "0", "0",
                            FileReference.DEFAULT_MODE, declared, service.problems()))
                    : Fields.of(item, key, kind.word() + " reference", service.problems(), KEYS).flatMap(f -> longForm(kind, f, declared));
            ref.ifPresent(r -> {
                String other = targets.putIfAbsent(r.target(), r.name());
                if (other != null) {
                    service.problems().add(item, kind.word() + " references '" + other + "' and '" + r.name()
                            + "' have a conflicting target: '" + r.target() + "'");
                } else {
                    refs.add(r);
                }
            });
        }
        return refs;
    }

    private static Optional<FileReference> longForm(FileReference.Kind kind, Fields f, SecretsBinder.Declared declared) {
        Optional<Node> sourceNode = f.required("source");
        Optional<String> source = f.string("source");
        String target = f.string("target").orElse(source.orElse(""));
        String uid = f.string("uid", "0");
        String gid = f.string("gid", "0");
        int mode = f.value("mode").flatMap(n -> mode(n, f.problems())).orElse(FileReference.DEFAULT_MODE);
        if (source.isEmpty() || sourceNode.isEmpty()) {
            return Optional.empty();
        }
        if (target.isEmpty()) {
            f.problems().add(f.value("target").orElseThrow(), "target: a " + kind.word() + " needs a file name");
            return Optional.empty();
        }
        return reference(kind, source.get(), sourceNode.get(), target, uid, gid, mode, declared, f.problems());
    }

    private static Optional<FileReference> reference(FileReference.Kind kind, String source, Node at, String target,
            String uid, String gid, int mode, SecretsBinder.Declared declared, Problems problems) {
        SecretDecl decl = declared.of(kind).get(source);
        if (decl == null) {
            // docker/cli's convertServiceSecrets and convertServiceConfigObjs
            problems.add(at, "undefined " + kind.word() + " \"" + source + "\"" + Suggestions.didYouMean(source, declared.of(kind).keySet())
                    + (declared.of(kind).isEmpty() ? "; declare it under the top-level '" + kind.word() + "s'" : ""));
            return Optional.empty();
        }
        return Optional.of(new FileReference(kind, decl.name(), decl.id(), FileReference.path(kind, target), uid, gid, mode));
    }

    /** Permission bits: a number, read as compose reads YAML 1.1's {@code 0440} (octal) or a decimal. */
    private static Optional<Integer> mode(Node node, Problems problems) {
        String text = Yaml.isScalar(node) ? Yaml.text(node) : "";
        try {
            int value = text.startsWith("0o") ? Integer.parseInt(text.substring(2), 8)
                    : text.length() > 1 && text.startsWith("0") ? Integer.parseInt(text.substring(1), 8)
                    : Integer.parseInt(text);
            if (value >= 0 && value <= 0777) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(node, "mode: expected permission bits such as 0440, got " + Yaml.quote(text));
        return Optional.empty();
    }
}
