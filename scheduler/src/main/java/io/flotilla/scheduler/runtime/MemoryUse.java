package io.flotilla.scheduler.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * How much memory a container of an image uses once it runs: a list of steps, each the use from
 * {@code afterNanos} of running time on (the first from 0). A constant use is one step; a leak is
 * a staircase. Running time counts while the container's processes run: a paused container is
 * frozen and allocates nothing.
 */
public record MemoryUse(List<Step> steps) {

    /** From {@code afterNanos} of running time on, the container uses {@code bytes}. */
    public record Step(long afterNanos, long bytes) {}

    /** Nothing declared: the container is taken to use nothing, and is never OOM-killed. */
    public static final MemoryUse NONE = new MemoryUse(List.of());

    public MemoryUse {
        steps = steps.stream().sorted(Comparator.comparingLong(Step::afterNanos)).toList();
    }

    /** One amount for the whole run. */
    public static MemoryUse constant(long bytes) {
        return new MemoryUse(List.of(new Step(0, bytes)));
    }

    public boolean declared() {
        return !steps.isEmpty();
    }

    /** The use after {@code runningNanos} of running time: the last step reached, 0 before the first. */
    public long at(long runningNanos) {
        long use = 0;
        for (Step s : steps) {
            if (s.afterNanos() <= runningNanos) {
                use = s.bytes();
            }
        }
        return use;
    }

    /**
     * After how much running time the use first goes past {@code limitBytes} (strictly more: a
     * cgroup at its limit reclaims, one that needs more is OOM-killed); empty without a limit
     * ({@code limitBytes} 0) or when the use never goes past it.
     */
    public OptionalLong oomAfter(long limitBytes) {
        if (limitBytes <= 0) {
            return OptionalLong.empty();
        }
        return steps.stream().filter(s -> s.bytes() > limitBytes).mapToLong(Step::afterNanos).findFirst();
    }
}
