package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A service's {@code ports}: compose's short form ({@code "8080:80"}, {@code "8080:80/udp"},
 * {@code "80"}: target only, the published port chosen by the allocator) and long form
 * ({@code {target, published, protocol, mode}}). Short-form ports are published in ingress mode.
 */
final class PortsBinder {

    static final List<String> KEYS = List.of("target", "published", "protocol", "mode");
    static final Map<String, PublishMode> MODES = Values.choices("ingress", PublishMode.INGRESS, "host", PublishMode.HOST);
    static final Map<String, String> PROTOCOLS = Values.choices("tcp", "tcp", "udp", "udp", "sctp", "sctp");

    private static final Pattern SHORT = Pattern.compile("(?:(\\d{1,5}):)?(\\d{1,5})(?:/(tcp|udp|sctp))?");
    private static final String SHORT_RULE = "a port such as \"8080:80\", \"8080:80/udp\" or \"80\"";

    /** A port and where it was written, for the checks that span several ports. */
    record At(PortConfig port, Node node) {}

    private PortsBinder() {}

    static List<At> bind(Node list, Problems problems) {
        List<At> out = new ArrayList<>();
        for (Node item : Values.list(list, "ports", problems)) {
            Optional<PortConfig> port = Yaml.isScalar(item) ? shortForm(item, problems) : longForm(item, problems);
            port.ifPresent(p -> out.add(new At(p, item)));
        }
        return out;
    }

    private static Optional<PortConfig> shortForm(Node item, Problems problems) {
        Matcher m = SHORT.matcher(Yaml.text(item).trim());
        if (!m.matches()) {
            problems.add(item, "ports: expected " + SHORT_RULE + ", got " + Yaml.describe(item));
            return Optional.empty();
        }
        int target = Integer.parseInt(m.group(2));
        int published = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        if (!inRange(target) || (m.group(1) != null && !inRange(published))) {
            problems.add(item, "ports: port numbers are 1 to 65535, got " + Yaml.describe(item));
            return Optional.empty();
        }
        String protocol = m.group(3) == null ? "tcp" : m.group(3);
        return Optional.of(new PortConfig(protocol, target, published, PublishMode.INGRESS));
    }

    private static Optional<PortConfig> longForm(Node item, Problems problems) {
        Optional<Fields> fields = Fields.of(item, "ports", "port", problems, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<Long> target = f.required("target").flatMap(n -> f.integer("target", 1, 65535));
        long published = f.integer("published", 1, 65535).orElse(0L);
        String protocol = f.choice("protocol", PROTOCOLS, "tcp");
        PublishMode mode = f.choice("mode", MODES, PublishMode.INGRESS);
        return target.map(t -> new PortConfig(protocol, t.intValue(), (int) published, mode));
    }

    private static boolean inRange(int port) {
        return port >= 1 && port <= 65535;
    }
}
