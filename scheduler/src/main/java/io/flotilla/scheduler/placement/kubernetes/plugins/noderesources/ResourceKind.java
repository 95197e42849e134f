package io.flotilla.scheduler.placement.kubernetes.plugins.noderesources;

import io.flotilla.scheduler.placement.kubernetes.ResourceNames;

/** Resource kinds, so that the scoring loops switch on an int rather than on the resource name. */
final class ResourceKind {

    static final int CPU = 0;
    static final int MEMORY = 1;
    static final int EPHEMERAL_STORAGE = 2;
    static final int PODS = 3;
    static final int EXTENDED = 4;

    private ResourceKind() {}

    static int of(String name) {
        return switch (name) {
            case ResourceNames.CPU -> CPU;
            case ResourceNames.MEMORY -> MEMORY;
            case ResourceNames.EPHEMERAL_STORAGE -> EPHEMERAL_STORAGE;
            case ResourceNames.PODS -> PODS;
            default -> EXTENDED;
        };
    }
}
