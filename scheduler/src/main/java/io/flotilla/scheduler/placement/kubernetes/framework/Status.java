package io.flotilla.scheduler.placement.kubernetes.framework;

import java.util.List;

/**
 * A plugin's verdict ({@code framework.Status}): a code, the reasons (constants owned by the plugin
 * that produces them) and the plugin's name. {@link Code#UNSCHEDULABLE_AND_UNRESOLVABLE} tells
 * preemption that removing pods would not help.
 */
public record Status(Code code, List<String> reasons, String plugin) {

    public enum Code {
        SUCCESS,
        UNSCHEDULABLE,
        UNSCHEDULABLE_AND_UNRESOLVABLE,
        SKIP,
        ERROR
    }

    public static final Status SUCCESS = new Status(Code.SUCCESS, List.of(), "");
    public static final Status SKIP = new Status(Code.SKIP, List.of(), "");

    public Status {
        reasons = List.copyOf(reasons);
    }

    public static Status unschedulable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE, List.of(reasons), "");
    }

    public static Status unresolvable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reasons), "");
    }

    Status withPlugin(String name) {
        return new Status(code, reasons, name);
    }

    public boolean isSuccess() {
        return code == Code.SUCCESS;
    }

    /** Upstream {@code Status.Message}: the reasons joined by {@code ", "}. */
    public String message() {
        return String.join(", ", reasons);
    }
}
