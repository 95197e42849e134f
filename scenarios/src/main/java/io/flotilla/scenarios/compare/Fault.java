package io.flotilla.scenarios.compare;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.TimelineItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One instant of a scenario's timeline, with every item at that time: a crash, a partition, a
 * drain, several crashes that take a whole zone down, but also a scale or an update. Each fault
 * is measured from its time {@code at} to the next fault (or the end of the run).
 */
public record Fault(long at, String what) {

    /** The scenario's timeline grouped by instant, in time order; items after the end never happen and are left out. */
    public static List<Fault> of(Scenario scenario) {
        Map<Long, List<Action>> byTime = new TreeMap<>();
        for (TimelineItem item : scenario.timeline()) {
            if (item.at() <= scenario.until()) {
                byTime.computeIfAbsent(item.at(), t -> new ArrayList<>()).add(item.action());
            }
        }
        List<Fault> faults = new ArrayList<>();
        byTime.forEach((at, actions) -> faults.add(new Fault(at, describe(actions, scenario.nodes()))));
        return List.copyOf(faults);
    }

    /** Crashes at one instant are named together, and a zone whose every node crashed is named as down. */
    static String describe(List<Action> actions, List<NodeDecl> nodes) {
        List<String> crashed = actions.stream()
                .filter(a -> a instanceof Action.Crash)
                .map(a -> ((Action.Crash) a).node())
                .toList();
        List<String> parts = new ArrayList<>();
        if (!crashed.isEmpty()) {
            Set<String> downZones = zonesDown(Set.copyOf(crashed), nodes);
            parts.add("crash " + String.join(", ", crashed)
                    + (downZones.isEmpty() ? "" : " (zone" + (downZones.size() > 1 ? "s " : " ")
                            + String.join(", ", downZones) + " down)"));
        }
        actions.stream().filter(a -> !(a instanceof Action.Crash)).map(Action::describe).forEach(parts::add);
        return String.join("; ", parts);
    }

    private static Set<String> zonesDown(Set<String> crashed, List<NodeDecl> nodes) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (NodeDecl n : nodes) {
            Zones.of(n.spec()).ifPresent(zone -> members.computeIfAbsent(zone, z -> new ArrayList<>()).add(n.name()));
        }
        Set<String> down = new TreeSet<>();
        members.forEach((zone, names) -> {
            if (crashed.containsAll(names)) {
                down.add(zone);
            }
        });
        return down;
    }
}
