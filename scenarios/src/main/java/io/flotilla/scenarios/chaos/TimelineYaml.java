package io.flotilla.scenarios.chaos;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scheduler.time.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A drawn fault as the timeline item a scenario file would hold: {@code {at: 37.4s, crash: worker-2}}. */
public final class TimelineYaml {

    private TimelineYaml() {}

    public static Map<String, Object> item(long at, Action action) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("at", Durations.format(at));
        if (action instanceof Action.Crash a) {
            item.put("crash", a.node());
        } else if (action instanceof Action.Restart a) {
            item.put("restart", a.node());
        } else if (action instanceof Action.SetAvailability a) {
            item.put(a.keyword(), a.node());
        } else if (action instanceof Action.Partition a) {
            // The last group is the rest, which the format leaves unsaid.
            List<Object> groups = new ArrayList<>(a.groups().subList(0, a.groups().size() - 1));
            item.put("partition", groups);
        } else if (action instanceof Action.Heal) {
            item.put("heal", "all");
        } else if (action instanceof Action.Link a) {
            item.put(a.keyword(), List.of(a.a(), a.b()));
        } else if (action instanceof Action.Zone a) {
            item.put(a.keyword(), a.zone());
        } else if (action instanceof Action.KillTask a) {
            item.put("kill_task", a.task());
        } else if (action instanceof Action.Scale a) {
            item.put("scale", new LinkedHashMap<>(a.replicas()));
        } else if (action instanceof Action.Update a) {
            Map<String, Object> update = new LinkedHashMap<>();
            item.put("update", update);
            update.put("service", a.service());
            a.image().ifPresent(i -> update.put("image", i));
            if (a.force()) {
                update.put("force", true);
            }
        } else if (action instanceof Action.Firewall a) {
            Map<String, Object> firewall = new LinkedHashMap<>();
            item.put("firewall", firewall);
            firewall.put("node", a.node());
            firewall.put(a.drop() ? "drop" : "accept", a.rules().stream().map(Object::toString).toList());
        } else {
            throw new IllegalArgumentException("a schedule never draws " + action.keyword());
        }
        return item;
    }
}
