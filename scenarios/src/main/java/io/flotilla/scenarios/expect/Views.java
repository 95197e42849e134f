package io.flotilla.scenarios.expect;

import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.sim.view.ClusterView;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the empty view of a scenario's cluster, ready to fold its event log into. */
public final class Views {

    private Views() {}

    public static ClusterView initial(Scenario scenario) {
        Map<String, NodeRole> roles = new LinkedHashMap<>();
        Map<String, Availability> availability = new LinkedHashMap<>();
        for (NodeDecl n : scenario.nodes()) {
            roles.put(n.spec().name(), n.spec().role());
            availability.put(n.spec().name(), n.availability());
        }
        return new ClusterView(roles, availability);
    }
}
