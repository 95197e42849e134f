package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.SecretDecl;
import io.flotilla.scheduler.model.FileReference;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The top-level {@code secrets} and {@code configs}: each {@code {file: PATH}} or {@code {external:
 * true}}, with an optional {@code name}. A file is named, never read: the simulator needs to know
 * that the object exists and which version it is, not what it holds. A timeline cannot declare
 * more, and nothing changes one: Swarm's secrets and configs are immutable, so a new version is a
 * new entry (see {@link GrantsBinder}).
 */
final class SecretsBinder {

    static final List<String> KEYS = List.of("file", "external", "name");

    /** Swarmkit's {@code validateConfigOrSecretAnnotations}: at most 64 characters of this shape. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?");

    private SecretsBinder() {}

    /** The declared secrets and configs, each by its key, in file order. */
    record Declared(Map<String, SecretDecl> secrets, Map<String, SecretDecl> configs) {

        static final Declared NONE = new Declared(Map.of(), Map.of());

        Map<String, SecretDecl> of(FileReference.Kind kind) {
            return kind == FileReference.Kind.SECRET ? secrets : configs;
        }
    }

    static Declared bind(Fields top) {
        return new Declared(bind(top, FileReference.Kind.SECRET), bind(top, FileReference.Kind.CONFIG));
    }

    private static Map<String, SecretDecl> bind(Fields top, FileReference.Kind kind) {
        Map<String, SecretDecl> out = new LinkedHashMap<>();
        String section = kind.word() + "s";
        top.section(section, section, null).ifPresent(map -> {
            for (Fields.Entry e : map.entries()) {
                Fields.of(e.value(), e.name(), kind.word() + " '" + e.name() + "'", map.problems(), KEYS)
                        .ifPresent(f -> one(kind, e, f).ifPresent(d -> out.put(e.name(), d)));
            }
        });
        return out;
    }

    private static Optional<SecretDecl> one(FileReference.Kind kind, Fields.Entry e, Fields f) {
        String name = f.string("name", e.name());
        Optional<String> file = f.string("file");
        boolean external = f.bool("external", false);
        boolean valid = true;
        if (!NAME.matcher(name).matches() || name.length() > 64) {
            f.problems().add(f.value("name").orElse(e.key()), kind.word() + " '" + name
                    + "': invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]");
            valid = false;
        }
        if (file.isPresent() && external) {
            f.problems().add(f.key("external").orElseThrow(), kind.word() + " '" + e.name()
                    + "': file and external: true exclude each other; a file is created by the deploy, an external "
                    + kind.word() + " exists already");
            valid = false;
        } else if (file.isEmpty() && !external) {
            f.problems().add(e.key(), kind.word() + " '" + e.name() + "': give file: PATH (its content is never read) or "
                    + "external: true");
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        String source = external ? "external" : "file " + file.get();
        return Optional.of(new SecretDecl(e.name(), kind, name, file, external, id(kind, name, source), Yaml.pos(e.key())));
    }

    /**
     * A swarmkit-shaped ID (25 characters of base 36) that depends only on what is declared: the
     * kind, the name and the source. Swarm draws its IDs at random; a hash keeps every run of a
     * file alike and gives a new name or a new file a new ID, as a new object gets.
     */
    static String id(FileReference.Kind kind, String name, String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind.word() + "\n" + name + "\n" + source).getBytes(StandardCharsets.UTF_8));
            String base36 = new BigInteger(1, Arrays.copyOf(digest, 16)).toString(36);
            return "0".repeat(Math.max(0, 25 - base36.length())) + base36;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
