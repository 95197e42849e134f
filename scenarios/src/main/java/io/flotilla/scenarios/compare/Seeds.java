package io.flotilla.scenarios.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code --seeds} option: {@code 1..N}, a single seed, or a comma list of either ({@code 1,4,9}, {@code 1..3,7}). */
public final class Seeds {

    /** Runs per strategy at most, so that a typo such as {@code 1..1000000} does not run for hours. */
    static final int MAX = 1000;

    private static final Pattern ITEM = Pattern.compile("(-?\\d{1,18})(?:\\.\\.(-?\\d{1,18}))?");

    private Seeds() {}

    /**
     * The seeds in the order written, each once.
     *
     * @throws IllegalArgumentException with a message for the user when {@code text} is not a seed list
     */
    public static List<Long> parse(String text) {
        Set<Long> seeds = new LinkedHashSet<>();
        for (String item : text.split(",", -1)) {
            Matcher m = ITEM.matcher(item.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("--seeds expects 1..N, a seed, or a comma list of them, got '" + text + "'");
            }
            long from = Long.parseLong(m.group(1));
            long to = m.group(2) == null ? from : Long.parseLong(m.group(2));
            if (to < from) {
                throw new IllegalArgumentException("--seeds: the range " + item.trim() + " is empty");
            }
            for (long seed = from; seed <= to; seed++) {
                seeds.add(seed);
                if (seeds.size() > MAX) {
                    throw new IllegalArgumentException("--seeds: at most " + MAX + " seeds, got more in '" + text + "'");
                }
            }
        }
        return List.copyOf(seeds);
    }

    /** The seeds as short text: runs of consecutive seeds as {@code a..b}. */
    public static String describe(List<Long> seeds) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < seeds.size()) {
            int j = i;
            while (j + 1 < seeds.size() && seeds.get(j + 1) == seeds.get(j) + 1) {
                j++;
            }
            parts.add(j - i >= 2 ? seeds.get(i) + ".." + seeds.get(j) : seeds.get(i).toString());
            if (j - i == 1) {
                parts.add(seeds.get(j).toString());
            }
            i = j + 1;
        }
        return String.join(",", parts);
    }
}
