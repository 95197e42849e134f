package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.admission.kubernetes.ComposeSecurityContext;
import io.flotilla.scheduler.model.ContainerSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A service's compose security keys: {@code user}, {@code read_only}, {@code cap_add}, {@code
 * cap_drop}, {@code privileged} and {@code security_opt}, checked with the engine's words
 * ({@code unknown capability: "CAP_FOO"}, {@code invalid --security-opt 2: "foo=bar"}).
 * Capabilities are normalized as the Docker CLI does ({@code EffectiveCapAddCapDrop}).
 *
 * <p>{@code docker stack deploy} ignores {@code privileged} and {@code security_opt} for a swarm
 * service ({@code Ignoring unsupported options}): in a swarm scenario they are a warning, and only
 * the kubernetes strategy runs them. What a pod's securityContext cannot say (a user name, a
 * privileged container that may not escalate) is refused under the kubernetes strategy only.
 */
final class SecurityBinder {

    /** Linux capabilities as moby knows them ({@code oci/caps}), without the {@code CAP_} prefix. */
    static final Set<String> CAPABILITIES = Set.of("CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID",
            "KILL", "SETGID", "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN",
            "NET_RAW", "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT",
            "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE",
            "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM",
            "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE");

    private SecurityBinder() {}

    static ContainerSecurity bind(Fields f, Strategy strategy) {
        Problems problems = f.problems();
        Optional<String> user = f.string("user");
        user.ifPresent(u -> {
            if (u.isEmpty() || u.chars().anyMatch(Character::isWhitespace) || u.indexOf(':') != u.lastIndexOf(':')
                    || u.startsWith(":") || u.endsWith(":")) {
                problems.add(f.value("user").orElseThrow(), "user: expected user or user:group, such as \"1000\" or "
                        + "\"1000:1000\", got " + Yaml.quote(u));
            }
        });
        boolean readOnly = f.bool("read_only", false);
        List<String> add = capabilities(f, "cap_add");
        List<String> drop = capabilities(f, "cap_drop");
        boolean privileged = f.bool("privileged", false);
        Optional<Boolean> noNewPrivileges = Optional.empty();
        Optional<String> seccomp = Optional.empty();
        Optional<String> apparmor = Optional.empty();
        for (Node item : f.list("security_opt")) {
            Optional<String> text = Values.string(item, "security_opt", problems);
            if (text.isEmpty()) {
                continue;
            }
            String opt = text.get();
            // docker/cli parseSecurityOpts: "=" first, ":" for the older spelling; only no-new-privileges needs no value
            int eq = opt.indexOf('=');
            int colon = opt.indexOf(':');
            int cut = eq >= 0 ? eq : opt.equals("no-new-privileges") ? -1 : colon;
            String key = cut >= 0 ? opt.substring(0, cut) : opt;
            String value = cut >= 0 ? opt.substring(cut + 1) : "";
            if (value.isEmpty() && !key.equals("no-new-privileges")) {
                problems.add(item, "Invalid --security-opt: " + Yaml.quote(opt));
                continue;
            }
            switch (key) {
                case "no-new-privileges":
                    Optional<Boolean> parsed = value.isEmpty() ? Optional.of(true) : goBool(value);
                    if (parsed.isEmpty()) {
                        problems.add(item, "invalid --security-opt 2: " + Yaml.quote(opt));
                    }
                    noNewPrivileges = parsed.isPresent() ? parsed : noNewPrivileges;
                    break;
                case "seccomp":
                    seccomp = Optional.of(value);
                    break;
                case "apparmor":
                    apparmor = Optional.of(value);
                    break;
                case "label":
                    problems.notSimulated(item, "security_opt", "'" + opt + "' (SELinux labels)");
                    break;
                case "systempaths":
                case "writable-cgroups":
                    problems.notSimulated(item, "security_opt", "'" + opt + "'");
                    break;
                default:
                    problems.add(item, "invalid --security-opt 2: " + Yaml.quote(opt));
            }
        }
        if (strategy == Strategy.SWARM) {
            // docker/cli's stack deploy: UnsupportedProperties
            f.key("privileged").filter(k -> privilegedWritten(f)).ifPresent(k -> problems.warn(k,
                    "privileged: Ignoring unsupported options: privileged (docker stack deploy does not pass it to a swarm "
                            + "service; only the kubernetes strategy runs it)"));
            f.key("security_opt").filter(k -> f.has("security_opt")).ifPresent(k -> problems.warn(k,
                    "security_opt: Ignoring unsupported options: security_opt (docker stack deploy does not pass it to a "
                            + "swarm service; only the kubernetes strategy runs it)"));
        }
        ContainerSecurity security = new ContainerSecurity(user, readOnly, effective(add, drop, true),
                effective(add, drop, false), privileged, noNewPrivileges, seccomp, apparmor);
        ComposeSecurityContext.untranslatable(security).ifPresent(why -> problems.addForKubernetes(
                why.startsWith("user") ? f.value("user").orElseThrow() : f.key("privileged").orElseThrow(),
                DeployParts.KUBERNETES_CANNOT + why));
        return security;
    }

    private static boolean privilegedWritten(Fields f) {
        return f.value("privileged").filter(n -> Yaml.isScalar(n) && Yaml.text(n).equals("true")).isPresent();
    }

    /** {@code NET_ADMIN}, {@code cap_net_admin} and {@code CAP_NET_ADMIN} alike: upper case with the prefix; {@code ALL}. */
    private static List<String> capabilities(Fields f, String key) {
        List<String> out = new ArrayList<>();
        for (Node item : f.list(key)) {
            Values.string(item, key, f.problems()).ifPresent(text -> {
                String c = text.trim().toUpperCase(Locale.ROOT);
                if (c.equals(ContainerSecurity.ALL)) {
                    out.add(c);
                    return;
                }
                String bare = c.startsWith("CAP_") ? c.substring(4) : c;
                if (!CAPABILITIES.contains(bare)) {
                    f.problems().add(item, "unknown capability: \"CAP_" + bare + "\"");
                } else {
                    out.add("CAP_" + bare);
                }
            });
        }
        return out;
    }

    /**
     * docker/cli's {@code EffectiveCapAddCapDrop}: {@code ALL} alone when given, a capability both
     * added and dropped only added, no duplicates, sorted.
     */
    static List<String> effective(List<String> add, List<String> drop, boolean added) {
        TreeSet<String> adds = add.contains(ContainerSecurity.ALL) ? new TreeSet<>(List.of(ContainerSecurity.ALL)) : new TreeSet<>(add);
        TreeSet<String> drops = drop.contains(ContainerSecurity.ALL) ? new TreeSet<>(List.of(ContainerSecurity.ALL)) : new TreeSet<>(drop);
        if (added) {
            return List.copyOf(adds);
        }
        drops.removeAll(adds);
        return List.copyOf(drops);
    }

    /** Go's {@code strconv.ParseBool}. */
    private static Optional<Boolean> goBool(String text) {
        switch (text) {
            case "1", "t", "T", "TRUE", "true", "True":
                return Optional.of(true);
            case "0", "f", "F", "FALSE", "false", "False":
                return Optional.of(false);
            default:
                return Optional.empty();
        }
    }
}
