package io.flotilla.scenarios.chaos;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which kinds of fault a campaign draws and how often: a weight per kind (relative), and a rate
 * of faults per minute of the fault window. Written {@code crash,restart=2,partition}: a kind
 * without {@code =W} weighs 1.
 */
public record FaultMix(Map<FaultKind, Integer> weights, double perMinute) {

    public static final double DEFAULT_RATE = 2.0;

    public FaultMix {
        weights = Collections.unmodifiableMap(new EnumMap<>(weights));
    }

    /** Every kind, weight 1, at the default rate. */
    public static FaultMix all() {
        Map<FaultKind, Integer> w = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            w.put(k, 1);
        }
        return new FaultMix(w, DEFAULT_RATE);
    }

    /** Reads {@code crash,restart=2}; empty with a message on the first bad item. */
    public static Optional<FaultMix> parse(String text, double perMinute, StringBuilder why) {
        Map<FaultKind, Integer> w = new EnumMap<>(FaultKind.class);
        for (String item : text.split(",")) {
            String[] kv = item.split("=", 2);
            Optional<FaultKind> kind = FaultKind.of(kv[0]);
            if (kind.isEmpty()) {
                why.append("unknown fault '").append(kv[0].trim()).append("'; expected some of ")
                        .append(String.join(",", java.util.Arrays.stream(FaultKind.values()).map(FaultKind::keyword).toList()));
                return Optional.empty();
            }
            int weight = 1;
            if (kv.length == 2) {
                try {
                    weight = Integer.parseInt(kv[1].trim());
                } catch (NumberFormatException e) {
                    weight = -1;
                }
                if (weight < 0) {
                    why.append("fault weight '").append(kv[1].trim()).append("' is not a whole number of 0 or more");
                    return Optional.empty();
                }
            }
            w.put(kind.get(), weight);
        }
        return Optional.of(new FaultMix(w, perMinute));
    }
}
