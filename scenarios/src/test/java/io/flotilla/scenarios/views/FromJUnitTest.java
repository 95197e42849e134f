package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.api.Flotilla;
import io.flotilla.scenarios.api.SimulatedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The views from Java: a simulated run's moment is what the command line's views print. */
class FromJUnitTest {

    @Test
    void aMomentOfASimulatedRunFeedsTheViews() {
        SimulatedRun run = Flotilla.runYaml(Runs.SWARM);
        RunMoment at40 = run.at("40s").moment();
        assertEquals(ServicePs.render(Runs.at(Runs.run(Runs.SWARM), "40s"), List.of()), ServicePs.render(at40, List.of()));
        assertTrue(NodeList.render(run.moment()).lines().anyMatch(l -> l.contains("worker-1") && l.contains("Down")));
    }
}
