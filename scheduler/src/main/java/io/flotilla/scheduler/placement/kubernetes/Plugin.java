package io.flotilla.scheduler.placement.kubernetes;

/** A Kubernetes scheduling plugin; it implements the extension-point interfaces it takes part in. */
interface Plugin {

    /** The upstream plugin name, as it appears in explanations and profiles. */
    String name();
}
