package io.flotilla.scenarios.parse;

import java.util.List;

/**
 * Every expectation check the format knows, in the order messages list them ("expected one of
 * running, placement, ..."). A new check is a record in {@code Check}, its binder, and one line here.
 */
final class CheckBinders {

    static final List<CheckBinder> ALL = List.of(
            new RunningBinder(),
            new PlacementBinder(),
            new SpreadBinder(),
            new PendingBinder(),
            new OnBinder(),
            new NodeConditionBinder(),
            new DnsBinder(),
            new TrafficCheckBinder(),
            new VolumeCheckBinder(),
            new SecretsCheckBinder(),
            new UpdateStateBinder(),
            new ImageBinder(),
            new EventCheckBinder());

    /** The keys that introduce a check, in order. */
    static final List<String> KEYWORDS = ALL.stream().map(CheckBinder::keyword).toList();

    private CheckBinders() {}
}
