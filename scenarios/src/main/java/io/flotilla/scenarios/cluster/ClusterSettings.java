package io.flotilla.scenarios.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;

/**
 * The cluster's Pekko settings, in code and given only to the cluster's own actor system: no
 * {@code application.conf} and no system property carries them, so the simulations, which load the
 * default configuration, never see a remote provider, a port or a logger of the cluster's.
 *
 * <p>Timeouts (docs/cluster.md says what they mean for a sweep): a worker is unreachable about 4 s
 * after its JVM stops answering (heartbeats every second, 3 s of acceptable pause), which is when the
 * coordinator redoes its runs elsewhere; the split brain resolver downs it once the cluster has looked
 * the same for 5 s more. It keeps the side with the oldest member, the coordinator, and the coordinator
 * never downs itself when it is left alone. A joining worker asks the seed again every 2 s.
 */
final class ClusterSettings {

    /** The actor system's name, the same on every JVM of the cluster. */
    static final String SYSTEM = "flotilla-sweep";
    static final String COORDINATOR = "coordinator";
    static final String WORKER = "worker";

    private ClusterSettings() {}

    /** The coordinator: the seed node, listening at {@code at}. */
    static Config coordinator(HostPort at) {
        return settings(at, at.host(), at.port(), COORDINATOR);
    }

    /** A worker joining the seed at {@code seed}, answering at {@code host} on a free port. */
    static Config worker(HostPort seed, String host) {
        return settings(seed, host, 0, WORKER);
    }

    private static Config settings(HostPort seed, String host, int port, String role) {
        Map<String, Object> settings = Map.ofEntries(
                Map.entry("pekko.actor.provider", "cluster"),
                Map.entry("pekko.remote.artery.transport", "tcp"),
                Map.entry("pekko.remote.artery.canonical.hostname", host),
                Map.entry("pekko.remote.artery.canonical.port", port),
                // A run carries its scenario's text, which may be as long as a scenario file may be (8 MiB).
                Map.entry("pekko.remote.artery.advanced.maximum-frame-size", "10MiB"),
                Map.entry("pekko.cluster.seed-nodes", List.of("pekko://" + SYSTEM + "@" + seed)),
                Map.entry("pekko.cluster.roles", List.of(role)),
                Map.entry("pekko.cluster.seed-node-timeout", "2s"),
                Map.entry("pekko.cluster.retry-unsuccessful-join-after", "2s"),
                Map.entry("pekko.cluster.downing-provider-class", "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider"),
                Map.entry("pekko.cluster.split-brain-resolver.active-strategy", "keep-oldest"),
                Map.entry("pekko.cluster.split-brain-resolver.stable-after", "5s"),
                Map.entry("pekko.cluster.split-brain-resolver.keep-oldest.down-if-alone", "off"),
                // The receptionist tells the coordinator of a worker by gossip; every 2 s by default.
                Map.entry("pekko.cluster.typed.receptionist.distributed-data.gossip-interval", "500ms"),
                Map.entry("pekko.cluster.jmx.enabled", "off"),
                Map.entry("pekko.cluster.log-info", "off"),
                // Standard output is the sweep's: Pekko logs through SLF4J, whose simple logger writes
                // to standard error, and errors only: a worker waiting for its coordinator, or a
                // connection closing as a sweep ends, is a warning every few seconds and no news.
                Map.entry("pekko.loggers", List.of("org.apache.pekko.event.slf4j.Slf4jLogger")),
                Map.entry("pekko.logging-filter", "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"),
                Map.entry("pekko.loglevel", "ERROR"),
                Map.entry("pekko.stdout-loglevel", "OFF"),
                Map.entry("pekko.log-dead-letters", "off"),
                Map.entry("pekko.log-dead-letters-during-shutdown", "off"));
        Config bindings = ConfigFactory.parseString("pekko.actor.serializers.flotilla = \"" + ClusterSerializer.class.getName() + "\"\n"
                + "pekko.actor.serialization-bindings { \"" + ClusterMessage.class.getName() + "\" = flotilla }");
        return ConfigFactory.parseMap(settings).withFallback(bindings).withFallback(ConfigFactory.defaultReference());
    }
}
