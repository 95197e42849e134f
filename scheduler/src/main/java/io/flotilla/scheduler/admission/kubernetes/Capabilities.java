package io.flotilla.scheduler.admission.kubernetes;

import java.util.List;

/** A securityContext's {@code capabilities}: names without the {@code CAP_} prefix, {@code ALL} for all. */
public record Capabilities(List<String> add, List<String> drop) {

    public Capabilities {
        add = List.copyOf(add);
        drop = List.copyOf(drop);
    }
}
