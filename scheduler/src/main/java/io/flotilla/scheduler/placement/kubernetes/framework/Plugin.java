package io.flotilla.scheduler.placement.kubernetes.framework;


/** A Kubernetes scheduling plugin; it implements the extension-point interfaces it takes part in. */
public interface Plugin {

    /** The upstream plugin name, as it appears in explanations and profiles. */
    String name();
}
