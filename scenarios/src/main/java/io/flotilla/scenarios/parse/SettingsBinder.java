package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.KubernetesSettings;
import io.flotilla.scenarios.model.NetworkProfile;
import io.flotilla.scenarios.model.SwarmSettings;
import io.flotilla.scheduler.admission.kubernetes.PodSecurityLevel;
import io.flotilla.sim.dataplane.DataPlaneSettings.FailedPeerEntries;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The per-scenario settings: the timing overrides {@code swarm} and {@code kubernetes}, starting from
 * upstream defaults, the namespace's Pod Security level ({@code kubernetes.pod_security}), and the
 * data plane's {@code network_profile}.
 */
final class SettingsBinder {

    static final List<String> SWARM_KEYS = List.of("heartbeat_period", "heartbeat_epsilon", "missed_heartbeats");
    static final List<String> KUBERNETES_KEYS =
            List.of("node_monitor_period", "node_monitor_grace_period", "default_toleration_seconds", "pod_security");
    static final Map<String, PodSecurityLevel> POD_SECURITY = Values.choices("privileged", PodSecurityLevel.PRIVILEGED,
            "baseline", PodSecurityLevel.BASELINE, "restricted", PodSecurityLevel.RESTRICTED);

    static final List<String> NETWORK_PROFILE_KEYS = List.of("failed_peer_entries");
    static final Map<String, FailedPeerEntries> FAILED_PEER_ENTRIES =
            Values.choices("suspend", FailedPeerEntries.SUSPEND, "delete", FailedPeerEntries.DELETE);

    private SettingsBinder() {}

    static NetworkProfile networkProfile(Fields top) {
        return top.section("network_profile", "network_profile", NETWORK_PROFILE_KEYS)
                .map(f -> new NetworkProfile(f.choice("failed_peer_entries", FAILED_PEER_ENTRIES,
                        NetworkProfile.DEFAULT.failedPeerEntries())))
                .orElse(NetworkProfile.DEFAULT);
    }

    static SwarmSettings swarm(Fields top) {
        return top.section("swarm", "swarm", SWARM_KEYS).map(SettingsBinder::swarmSection).orElse(SwarmSettings.DEFAULT);
    }

    private static SwarmSettings swarmSection(Fields f) {
        SwarmSettings d = SwarmSettings.DEFAULT;
        long period = positive(f, "heartbeat_period", d.heartbeatPeriod());
        long epsilon = f.duration("heartbeat_epsilon", Math.min(d.heartbeatEpsilon(), period / 10));
        if (epsilon >= period) {
            f.problems().add(f.value("heartbeat_epsilon").orElseThrow(),
                    "heartbeat_epsilon: must be less than heartbeat_period");
        }
        int missed = f.integer("missed_heartbeats", d.missedHeartbeats(), 1, 1000);
        return new SwarmSettings(period, epsilon, missed);
    }

    static KubernetesSettings kubernetes(Fields top) {
        return top.section("kubernetes", "kubernetes", KUBERNETES_KEYS)
                .map(SettingsBinder::kubernetesSection)
                .orElse(KubernetesSettings.DEFAULT);
    }

    private static KubernetesSettings kubernetesSection(Fields f) {
        KubernetesSettings d = KubernetesSettings.DEFAULT;
        return new KubernetesSettings(
                positive(f, "node_monitor_period", d.nodeMonitorPeriod()),
                positive(f, "node_monitor_grace_period", d.nodeMonitorGracePeriod()),
                f.integer("default_toleration_seconds", 0, Integer.MAX_VALUE).orElse(d.defaultTolerationSeconds()),
                f.choice("pod_security", POD_SECURITY, d.podSecurity()));
    }

    static long positive(Fields f, String key, long fallback) {
        return positive(f, key).orElse(fallback);
    }

    /** The duration under {@code key}; empty when it is missing, or wrong (after a report). */
    static OptionalLong positive(Fields f, String key) {
        OptionalLong parsed = f.duration(key);
        if (parsed.isPresent() && parsed.getAsLong() <= 0) {
            f.problems().add(f.value(key).orElseThrow(), key + ": must be more than 0s");
            return OptionalLong.empty();
        }
        return parsed;
    }
}
