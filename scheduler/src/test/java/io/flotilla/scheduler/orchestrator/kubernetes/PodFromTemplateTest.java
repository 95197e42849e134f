package io.flotilla.scheduler.orchestrator.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.placement.kubernetes.NodeAffinity;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorRequirement;
import io.flotilla.scheduler.placement.kubernetes.NodeSelectorTerm;
import io.flotilla.scheduler.placement.kubernetes.TaintEffect;
import io.flotilla.scheduler.placement.kubernetes.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DefaultTolerationSeconds admission plugin: cases of upstream
 * {@code plugin/pkg/admission/defaulttolerationseconds/admission_test.go} TestForgivenessAdmission,
 * by description (the pre-1.6 alpha taint keys are left out), with the tolerations in upstream's order.
 */
class PodFromTemplateTest {

    static final String NOT_READY = NodeConditionTaints.NOT_READY_KEY;
    static final String UNREACHABLE = NodeConditionTaints.UNREACHABLE_KEY;

    static Toleration exists(String key, TaintEffect effect, long seconds) {
        return new Toleration(key, Toleration.Operator.EXISTS, "", Optional.ofNullable(effect), OptionalLong.of(seconds));
    }

    record Case(String description, List<Toleration> requested, List<Toleration> expected) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> cases() {
        TaintEffect ne = TaintEffect.NO_EXECUTE;
        Toleration foo = new Toleration("foo", Toleration.Operator.EQUAL, "bar", Optional.of(TaintEffect.NO_SCHEDULE),
                OptionalLong.of(700));
        return Stream.of(
                new Case("pod has no tolerations, expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`",
                        List.of(), List.of(exists(NOT_READY, ne, 300), exists(UNREACHABLE, ne, 300))),
                new Case("pod has tolerations, but none is for taint `not-ready:NoExecute` or `unreachable:NoExecute`, "
                        + "expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`",
                        List.of(foo), List.of(foo, exists(NOT_READY, ne, 300), exists(UNREACHABLE, ne, 300))),
                new Case("pod specified a toleration for taint `not-ready:NoExecute`, expect add toleration for `unreachable:NoExecute`",
                        List.of(exists(NOT_READY, ne, 700)), List.of(exists(NOT_READY, ne, 700), exists(UNREACHABLE, ne, 300))),
                new Case("pod specified a toleration for taint `unreachable:NoExecute`, expect add toleration for `not-ready:NoExecute`",
                        List.of(exists(UNREACHABLE, ne, 700)), List.of(exists(UNREACHABLE, ne, 700), exists(NOT_READY, ne, 300))),
                new Case("pod specified tolerations for both `not-ready:NoExecute` and `unreachable:NoExecute`, expect no change",
                        List.of(exists(NOT_READY, ne, 700), exists(UNREACHABLE, ne, 700)),
                        List.of(exists(NOT_READY, ne, 700), exists(UNREACHABLE, ne, 700))),
                new Case("pod specified toleration for taint `unreachable`, expect add toleration for `not-ready:NoExecute`",
                        List.of(exists(UNREACHABLE, null, 700)), List.of(exists(UNREACHABLE, null, 700), exists(NOT_READY, ne, 300))),
                new Case("pod has wildcard toleration for all kind of taints, expect no change",
                        List.of(exists("", null, 700)), List.of(exists("", null, 700))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forgivenessAdmission(Case c) {
        List<Toleration> admitted = new ArrayList<>(c.requested());
        admitted.addAll(PodFromTemplate.defaultTolerations(c.requested(), 300));
        assertEquals(c.expected(), admitted);
    }

    @Test
    void requiredNodeAffinityTermsOfConstraintsAndInputsAreAnded() {
        NodeSelectorRequirement worker = NodeSelectorRequirement.doesNotExist("node-role.kubernetes.io/control-plane");
        NodeSelectorRequirement zoneA = NodeSelectorRequirement.in("zone", "a");
        NodeSelectorRequirement zoneB = NodeSelectorRequirement.in("zone", "b");
        NodeAffinity merged = PodFromTemplate.merge(NodeAffinity.required(NodeSelectorTerm.of(worker)),
                NodeAffinity.required(NodeSelectorTerm.of(zoneA), NodeSelectorTerm.of(zoneB)));
        assertEquals(Optional.of(List.of(NodeSelectorTerm.of(worker, zoneA), NodeSelectorTerm.of(worker, zoneB))),
                merged.required());
    }
}
