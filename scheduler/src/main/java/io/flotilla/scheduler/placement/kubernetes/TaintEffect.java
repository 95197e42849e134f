package io.flotilla.scheduler.placement.kubernetes;

/** What a taint does to pods that do not tolerate it, with the names the API uses. */
public enum TaintEffect {
    NO_SCHEDULE("NoSchedule"),
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    NO_EXECUTE("NoExecute");

    private final String apiName;

    TaintEffect(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** The effect named {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}. */
    public static TaintEffect parse(String apiName) {
        for (TaintEffect e : values()) {
            if (e.apiName.equals(apiName)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown taint effect " + apiName);
    }
}
