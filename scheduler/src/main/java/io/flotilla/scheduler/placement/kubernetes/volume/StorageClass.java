package io.flotilla.scheduler.placement.kubernetes.volume;

import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import java.util.List;
import java.util.Map;

/**
 * A StorageClass: its provisioner ({@value #NO_PROVISIONER} for volumes an administrator creates),
 * its binding mode and the topologies its volumes may be provisioned in (ORed terms; none: anywhere).
 */
public record StorageClass(String name, String provisioner, BindingMode bindingMode, List<NodeSelectorTerm> allowedTopologies) {

    /** Upstream {@code NotSupportedProvisioner}: the class cannot provision. */
    public static final String NO_PROVISIONER = "kubernetes.io/no-provisioner";

    public StorageClass {
        allowedTopologies = List.copyOf(allowedTopologies);
    }

    public boolean delayBinding() {
        return bindingMode == BindingMode.WAIT_FOR_FIRST_CONSUMER;
    }

    public boolean provisions() {
        return !provisioner.isEmpty() && !NO_PROVISIONER.equals(provisioner);
    }

    /** Upstream {@code MatchTopologySelectorTerms}: no terms match every node; otherwise one term must. */
    public boolean allowsTopology(Map<String, String> nodeLabels) {
        if (allowedTopologies.isEmpty()) {
            return true;
        }
        for (NodeSelectorTerm t : allowedTopologies) {
            if (t.matches("", nodeLabels)) {
                return true;
            }
        }
        return false;
    }
}
