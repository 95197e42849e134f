package io.flotilla.scheduler.placement.kubernetes;

import java.util.List;
import java.util.Optional;

/**
 * One scheduling cycle's outcome: the chosen node, or the FailedScheduling message (exactly one of
 * the two is present) with DefaultPreemption's nomination if it found one. {@code processedNodes} is
 * how far the filter went, which moves the next cycle's start. {@code verdicts} lists every node in
 * filter order when an explanation was asked for, and is empty otherwise.
 */
public record ScheduleResult(Optional<String> node, Optional<String> failedScheduling, Optional<Nomination> nomination,
        int processedNodes, int feasibleNodes, List<NodeVerdict> verdicts) {

    public ScheduleResult {
        verdicts = List.copyOf(verdicts);
    }

    public boolean scheduled() {
        return node.isPresent();
    }
}
