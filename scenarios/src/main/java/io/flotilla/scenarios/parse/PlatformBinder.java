package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.model.Platform;
import java.util.List;

/**
 * {@code {os, arch}}: a node's platform, or one a service's image runs on. {@code architecture}
 * (compose and swarmkit's spelling) is accepted for {@code arch}. A node defaults to linux/amd64; a
 * missing field of a service's platform matches anything, as swarmkit's PlatformFilter does.
 */
final class PlatformBinder {

    static final List<String> KEYS = List.of("os", "arch", "architecture");

    private PlatformBinder() {}

    static Platform bind(Fields f) {
        if (f.has("arch") && f.has("architecture")) {
            f.problems().add(f.key("architecture").orElseThrow(), "platform: give 'arch' or 'architecture', not both");
        }
        String arch = f.string("arch").or(() -> f.string("architecture")).orElse("");
        return new Platform(f.string("os", ""), arch);
    }

    /** A node's platform: what it leaves out is linux/amd64's. */
    static Platform node(Fields f) {
        Platform p = bind(f);
        return new Platform(p.os().isEmpty() ? "linux" : p.os(), p.arch().isEmpty() ? "amd64" : p.arch());
    }
}
