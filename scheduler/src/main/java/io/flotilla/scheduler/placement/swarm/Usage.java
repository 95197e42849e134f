package io.flotilla.scheduler.placement.swarm;

import io.flotilla.scheduler.model.PortConfig;
import io.flotilla.scheduler.model.PublishMode;
import io.flotilla.scheduler.model.Resources;
import io.flotilla.scheduler.model.TaskSpec;
import java.util.Arrays;
import java.util.Map;

/**
 * What a task takes from the node it runs on: its reservations and its host-mode published ports
 * (as {@code protocol << 32 | port}).
 */
record Usage(long nanoCpus, long memoryBytes, int[] genericKinds, long[] genericAmounts, long[] hostPorts) {

    private static final int[] NO_KINDS = new int[0];
    private static final long[] NO_LONGS = new long[0];

    static Usage of(TaskSpec spec, Symbols symbols) {
        Resources r = spec.reservations() == null ? Resources.NONE : spec.reservations();
        int[] kinds = NO_KINDS;
        long[] amounts = NO_LONGS;
        if (!r.generic().isEmpty()) {
            kinds = new int[r.generic().size()];
            amounts = new long[kinds.length];
            int i = 0;
            for (Map.Entry<String, Long> e : r.generic().entrySet()) {
                kinds[i] = symbols.genericKind(e.getKey());
                amounts[i++] = e.getValue();
            }
        }
        long[] ports = NO_LONGS;
        for (PortConfig p : spec.ports()) {
            if (p.mode() == PublishMode.HOST && p.published() != 0) {
                ports = Arrays.copyOf(ports, ports.length + 1);
                ports[ports.length - 1] = ((long) symbols.protocol(p.protocol()) << 32) | (p.published() & 0xFFFF_FFFFL);
            }
        }
        return new Usage(r.nanoCpus(), r.memoryBytes(), kinds, amounts, ports);
    }

    /** Swarmkit's ResourceFilter is enabled by any non-zero CPU or memory, or any generic entry. */
    boolean reservesResources() {
        return nanoCpus != 0 || memoryBytes != 0 || genericKinds.length > 0;
    }
}
