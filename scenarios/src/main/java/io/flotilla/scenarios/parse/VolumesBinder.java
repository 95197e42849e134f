package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.VolumeDecl;
import io.flotilla.scheduler.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Compose's storage: the top-level {@code volumes} ({@code cache: {driver: local}}) and a service's
 * {@code volumes}, in the short form ({@code "cache:/var/cache/nginx"}, {@code "/var/log:/logs:ro"})
 * or the long form ({@code {type: volume, source: cache, target: /var/cache/nginx, read_only: true}}).
 * A named source must be declared at the top level, as {@code docker stack deploy} requires; a source
 * that starts with {@code /} (or {@code .}, {@code ~}) is a bind mount of a host path.
 */
final class VolumesBinder {

    static final List<String> KEYS = List.of("driver", "size", "driver_opts", "external", "name", "labels");
    static final List<String> MOUNT_KEYS = List.of("type", "source", "target", "read_only");
    static final Map<String, VolumeMount.Type> TYPES =
            Values.choices("volume", VolumeMount.Type.VOLUME, "bind", VolumeMount.Type.BIND);
    /** Compose's volume name rule (compose-spec: {@code ^[a-zA-Z0-9._-]+$}). */
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");

    private VolumesBinder() {}

    /** The top-level {@code volumes}, by name. */
    static TreeMap<String, VolumeDecl> declared(Fields top) {
        TreeMap<String, VolumeDecl> out = new TreeMap<>();
        top.section("volumes", "volumes", null).ifPresent(map -> {
            for (Fields.Entry e : map.entries()) {
                if (!NAME.matcher(e.name()).matches()) {
                    map.problems().add(e.key(), "volume name '" + e.name() + "' is invalid: letters, digits, '.', '_' and '-', "
                            + "starting with a letter or digit");
                }
                Optional<Fields> f = Fields.of(e.value(), e.name(), "volume '" + e.name() + "'", map.problems(), KEYS);
                f.ifPresent(v -> {
                    for (String key : List.of("driver_opts", "external", "name")) {
                        v.key(key).ifPresent(k -> v.problems().notSimulated(k, key, "a volume's " + key.replace('_', ' ')));
                    }
                    String driver = v.string("driver", VolumeMount.LOCAL);
                    if (!Names.PLAIN.matcher(driver).matches() || driver.isEmpty()) {
                        v.problems().add(v.value("driver").orElseThrow(), "driver: '" + driver + "' is not a volume driver name");
                    }
                    long size = v.size("size").orElse(0L);
                    out.put(e.name(), new VolumeDecl(e.name(), driver, size, Yaml.pos(e.key()), labels(v)));
                });
            }
        });
        return out;
    }

    /**
     * Compose's {@code labels}: a map ({@code {com.example.tier: cache}}) or a list of
     * {@code KEY=VALUE} strings ({@code ["com.example.tier=cache"]}); a key without {@code =} has
     * the empty value.
     */
    static TreeMap<String, String> labels(Fields v) {
        TreeMap<String, String> out = new TreeMap<>();
        Optional<Node> value = v.value("labels");
        if (value.isEmpty()) {
            return out;
        }
        if (value.get() instanceof SequenceNode) {
            for (Node item : v.list("labels")) {
                Values.string(item, "labels", v.problems()).ifPresent(text -> {
                    int eq = text.indexOf('=');
                    String key = eq < 0 ? text : text.substring(0, eq);
                    if (key.isEmpty()) {
                        v.problems().add(item, "labels: expected KEY=VALUE, such as com.example.tier=cache; got " + Yaml.quote(text));
                    } else if (out.put(key, eq < 0 ? "" : text.substring(eq + 1)) != null) {
                        v.problems().add(item, "labels: '" + key + "' is given twice");
                    }
                });
            }
            return out;
        }
        v.section("labels", "labels", null).ifPresent(section -> {
            for (Fields.Entry e : section.entries()) {
                if (Yaml.isNull(e.value())) {
                    out.put(e.name(), "");
                } else {
                    Values.string(e.value(), e.name(), v.problems()).ifPresent(s -> out.put(e.name(), s));
                }
            }
        });
        return out;
    }

    /** A service's {@code volumes}: its mounts, each named source checked against {@code declared}. */
    static List<VolumeMount> mounts(Fields service, Map<String, VolumeDecl> declared) {
        Problems problems = service.problems();
        List<VolumeMount> out = new ArrayList<>();
        for (Node item : service.list("volumes")) {
            Optional<VolumeMount> mount = Yaml.isScalar(item) ? shortForm(item, problems) : longForm(item, problems);
            mount.ifPresent(m -> {
                if (m.type() == VolumeMount.Type.VOLUME && !declared.containsKey(m.source())) {
                    problems.add(item, "undefined volume '" + m.source() + "'" + Suggestions.didYouMean(m.source(), declared.keySet())
                            + "; declare it under the top-level 'volumes'");
                    return;
                }
                if (out.stream().anyMatch(o -> o.target().equals(m.target()))) {
                    problems.add(item, "volumes: duplicate mount point: " + m.target());
                    return;
                }
                out.add(m.type() == VolumeMount.Type.VOLUME
                        ? VolumeMount.volume(m.source(), m.target(), m.readOnly(), declared.get(m.source()).driver())
                        : m);
            });
        }
        return out;
    }

    /** {@code SOURCE:TARGET[:MODE]}; a lone {@code TARGET} would be an anonymous volume. */
    private static Optional<VolumeMount> shortForm(Node item, Problems problems) {
        String text = Yaml.text(item);
        String[] parts = text.split(":", -1);
        if (parts.length == 1) {
            problems.notSimulated(item, "volumes: '" + text + "'", "an anonymous volume (name it, as in cache:" + text + ")");
            return Optional.empty();
        }
        if (parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            problems.add(item, "volumes: expected SOURCE:TARGET or SOURCE:TARGET:ro, such as cache:/var/cache/nginx; got "
                    + Yaml.quote(text));
            return Optional.empty();
        }
        boolean readOnly = false;
        if (parts.length == 3) {
            if (!parts[2].equals("ro") && !parts[2].equals("rw")) {
                problems.add(item, "volumes: the mode of " + Yaml.quote(text) + " is ro or rw, got " + Yaml.quote(parts[2]));
                return Optional.empty();
            }
            readOnly = parts[2].equals("ro");
        }
        if (!target(parts[1], item, problems)) {
            return Optional.empty();
        }
        return Optional.of(isPath(parts[0])
                ? VolumeMount.bind(parts[0], parts[1], readOnly)
                : VolumeMount.volume(parts[0], parts[1], readOnly, ""));
    }

    private static Optional<VolumeMount> longForm(Node item, Problems problems) {
        Optional<Fields> fields = Fields.of(item, "volumes", "volume mount", problems, MOUNT_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<VolumeMount.Type> type = f.required("type").flatMap(n -> {
            String word = Yaml.isScalar(n) ? Yaml.text(n) : "";
            if (word.equals("tmpfs") || word.equals("cluster") || word.equals("npipe") || word.equals("image")) {
                problems.notSimulated(n, "type", "a " + word + " mount");
                return Optional.empty();
            }
            return Values.choice(n, "type", TYPES, problems);
        });
        Optional<String> source = f.required("source").flatMap(n -> Values.string(n, "source", problems));
        Optional<String> target = f.required("target").flatMap(n -> Values.string(n, "target", problems));
        boolean readOnly = f.bool("read_only", false);
        if (type.isEmpty() || source.isEmpty() || target.isEmpty() || !target(target.get(), f.value("target").orElseThrow(), problems)) {
            return Optional.empty();
        }
        if (type.get() == VolumeMount.Type.BIND && !isPath(source.get())) {
            problems.add(f.value("source").orElseThrow(), "source: a bind mount's source is a host path such as /var/log, got "
                    + Yaml.quote(source.get()));
            return Optional.empty();
        }
        if (type.get() == VolumeMount.Type.VOLUME && isPath(source.get())) {
            problems.add(f.value("source").orElseThrow(), "source: a volume's source is the name of a volume, got the path "
                    + Yaml.quote(source.get()) + " (a host path is type: bind)");
            return Optional.empty();
        }
        return Optional.of(type.get() == VolumeMount.Type.BIND
                ? VolumeMount.bind(source.get(), target.get(), readOnly)
                : VolumeMount.volume(source.get(), target.get(), readOnly, ""));
    }

    private static boolean target(String target, Node at, Problems problems) {
        if (!target.startsWith("/")) {
            problems.add(at, "volumes: the mount point " + Yaml.quote(target) + " is not an absolute path");
            return false;
        }
        return true;
    }

    /** Compose reads a source starting with {@code /}, {@code .} or {@code ~} as a host path. */
    private static boolean isPath(String source) {
        return source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
    }
}
