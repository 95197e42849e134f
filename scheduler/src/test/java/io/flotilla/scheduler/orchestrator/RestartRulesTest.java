package io.flotilla.scheduler.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.RestartPolicy;
import io.flotilla.scheduler.model.RestartPolicy.Condition;
import io.flotilla.scheduler.model.TaskState;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RestartRulesTest {

    private static final long S = 1_000_000_000L;

    record Case(String name, RestartPolicy policy, TaskState end, long endAt, List<Long> earlier, boolean restart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("any restarts a failed task", RestartPolicy.DEFAULT, TaskState.FAILED, 10 * S, List.of(), true),
                new Case("any restarts a completed task", RestartPolicy.DEFAULT, TaskState.COMPLETE, 10 * S, List.of(), true),
                new Case("none never restarts", new RestartPolicy(Condition.NONE, 0, 0, 0), TaskState.FAILED, 0, List.of(), false),
                new Case("on-failure skips a completed task (TestOrchestratorRestartOnFailure)",
                        new RestartPolicy(Condition.ON_FAILURE, 0, 0, 0), TaskState.COMPLETE, 0, List.of(), false),
                new Case("on-failure restarts a failed task", new RestartPolicy(Condition.ON_FAILURE, 0, 0, 0),
                        TaskState.FAILED, 0, List.of(), true),
                new Case("max attempts reached (TestOrchestratorRestartMaxAttempts)",
                        new RestartPolicy(Condition.ANY, 0, 2, 0), TaskState.FAILED, 10 * S, List.of(1 * S, 2 * S), false),
                new Case("max attempts not yet reached", new RestartPolicy(Condition.ANY, 0, 2, 0),
                        TaskState.FAILED, 10 * S, List.of(1 * S), true),
                new Case("restarts outside the window do not count (TestOrchestratorRestartWindow)",
                        new RestartPolicy(Condition.ANY, 0, 2, 5 * S), TaskState.FAILED, 10 * S, List.of(1 * S, 6 * S), true),
                new Case("restarts inside the window count", new RestartPolicy(Condition.ANY, 0, 2, 5 * S),
                        TaskState.FAILED, 10 * S, List.of(6 * S, 9 * S), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesLikeTheRestartSupervisor(Case c) {
        assertEquals(c.restart(), RestartRules.shouldRestart(c.policy(), c.end(), c.endAt(), c.earlier()));
    }
}
