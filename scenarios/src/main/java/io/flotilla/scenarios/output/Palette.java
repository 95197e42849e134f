package io.flotilla.scenarios.output;

import java.util.Set;

/**
 * Colour for the human report on a terminal: what failed or died in red, what came up in green, the
 * manager's lines in cyan, and PASS and FAIL likewise. {@link #PLAIN} leaves text as it is (a pipe,
 * a file, {@code NO_COLOR}); which one a run gets is the command line's decision.
 */
public final class Palette {

    public static final Palette PLAIN = new Palette(false);
    public static final Palette ANSI = new Palette(true);

    private static final String RED = "\033[31m";
    private static final String GREEN = "\033[32m";
    private static final String CYAN = "\033[36m";
    private static final String RESET = "\033[0m";
    private static final Set<String> BAD = Set.of("failed", "crashed", "down", "evicted", "rejected", "unplaced",
            "unallocated", "back-off", "quorum_lost", "unknown", "disconnected", "partition", "link_down", "zone_down");
    private static final Set<String> GOOD = Set.of("running", "ready", "booted", "leader", "heal", "link_up", "completed");

    private final boolean on;

    private Palette(boolean on) {
        this.on = on;
    }

    /** A timeline line ({@code subject what where detail}), coloured by what it says. */
    String timeline(String row) {
        if (!on) {
            return row;
        }
        String[] words = row.trim().split("\\s+", 3);
        String what = words.length > 1 ? words[1] : "";
        boolean unhealthy = what.equals("health") && words.length > 2 && words[2].startsWith("unhealthy");
        if (BAD.contains(what) || unhealthy || row.contains(" failed in the last ")) {
            return RED + row + RESET;
        } else if (row.contains("[manager]")) {
            return CYAN + row + RESET;
        } else if (GOOD.contains(what) || row.contains(": no failures in the last ")) {
            return GREEN + row + RESET;
        }
        return row;
    }

    /** An expectation's verdict word. */
    String verdict(boolean passed) {
        String word = passed ? "PASS" : "FAIL";
        return on ? (passed ? GREEN : RED) + word + RESET : word;
    }
}
