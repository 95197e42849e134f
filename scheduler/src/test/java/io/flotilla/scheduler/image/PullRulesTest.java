package io.flotilla.scheduler.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.PullPolicy;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The kubelet's {@code shouldPullImage}, as {@code pkg/kubelet/images/image_manager_test.go}'s puller cases exercise it. */
class PullRulesTest {

    record Case(PullPolicy policy, boolean present, boolean pull) {}

    static Stream<Case> cases() {
        return Stream.of(
                new Case(PullPolicy.ALWAYS, true, true),
                new Case(PullPolicy.ALWAYS, false, true),
                new Case(PullPolicy.IF_NOT_PRESENT, true, false),
                new Case(PullPolicy.IF_NOT_PRESENT, false, true),
                new Case(PullPolicy.NEVER, true, false),
                new Case(PullPolicy.NEVER, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pullsAsTheKubeletDoes(Case c) {
        assertEquals(c.pull(), PullRules.shouldPull(c.policy(), c.present()));
    }
}
