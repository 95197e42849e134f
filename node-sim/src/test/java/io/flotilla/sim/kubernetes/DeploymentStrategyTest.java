package io.flotilla.sim.kubernetes;

import static io.flotilla.sim.kubernetes.FakeWorld.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath.IntOrPercent;
import io.flotilla.scheduler.orchestrator.kubernetes.RolloutMath.Strategy;
import org.junit.jupiter.api.Test;

/** Which RollingUpdate strategy a service's {@code update_config} becomes: only parallelism and order count. */
class DeploymentStrategyTest {

    static Strategy strategyOf(int parallelism, long delay, UpdateConfig.Order order) {
        ServiceSpec s = FakeWorld.service("web", 6, "nginx:1.27");
        UpdateConfig config = new UpdateConfig(parallelism, delay, UpdateConfig.FailureAction.PAUSE, 5 * S, 0, order);
        ServiceSpec spec = new ServiceSpec(s.name(), s.mode(), s.replicas(), s.task(), config, s.rollback(), s.endpointMode());
        return new DeploymentState(spec, KubernetesPodSpec.NONE).strategy();
    }

    @Test
    void swarmDefaultsWithAnyDelayGetTheDeploymentDefaults() {
        assertEquals(Strategy.DEFAULT, strategyOf(1, 0, UpdateConfig.Order.STOP_FIRST));
        assertEquals(Strategy.DEFAULT, strategyOf(1, 10 * S, UpdateConfig.Order.STOP_FIRST), "delay has no equivalent");
    }

    @Test
    void otherwiseParallelismIsTheSurgeOrTheUnavailable() {
        assertEquals(new Strategy(IntOrPercent.of(2), IntOrPercent.of(0)), strategyOf(2, 0, UpdateConfig.Order.START_FIRST));
        assertEquals(new Strategy(IntOrPercent.of(0), IntOrPercent.of(3)), strategyOf(3, 0, UpdateConfig.Order.STOP_FIRST));
        assertEquals(new Strategy(IntOrPercent.of(0), IntOrPercent.percent(100)), strategyOf(0, 0, UpdateConfig.Order.STOP_FIRST));
    }
}
