package io.flotilla.scheduler.placement.kubernetes;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A pod's toleration. An empty {@code key} with {@link Operator#EXISTS} tolerates every taint; an
 * empty {@code effect} matches every effect. {@code tolerationSeconds} only matters to eviction
 * (NoExecute), never to scheduling.
 */
public record Toleration(String key, Operator operator, String value, Optional<TaintEffect> effect,
        OptionalLong tolerationSeconds) {

    public enum Operator {
        EQUAL,
        EXISTS
    }

    public static Toleration equal(String key, String value, TaintEffect effect) {
        return new Toleration(key, Operator.EQUAL, value, Optional.of(effect), OptionalLong.empty());
    }

    public static Toleration exists(String key, TaintEffect effect) {
        return new Toleration(key, Operator.EXISTS, "", Optional.of(effect), OptionalLong.empty());
    }

    /**
     * Upstream {@code Toleration.ToleratesTaint}. Note that an empty key is not compared at all, so an
     * empty-key EQUAL toleration matches any key with the same value (validation forbids it upstream).
     */
    public boolean tolerates(Taint taint) {
        if (effect.isPresent() && effect.get() != taint.effect()) {
            return false;
        }
        if (!key.isEmpty() && !key.equals(taint.key())) {
            return false;
        }
        return operator == Operator.EXISTS || value.equals(taint.value());
    }
}
