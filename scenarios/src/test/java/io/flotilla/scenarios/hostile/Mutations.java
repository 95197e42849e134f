package io.flotilla.scenarios.hostile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text mutations of a scenario file, as a careless edit, a bad merge or a hostile author would
 * make them: lines deleted, duplicated, swapped or re-indented, tabs, a value replaced by another
 * type or an absurd number, raw unicode, deep nesting, an alias bomb, a cut-off file, YAML oddities.
 */
final class Mutations {

    /** A value after {@code key: } or in a flow collection: a word, a number, a quantity. */
    private static final Pattern SCALAR = Pattern.compile("(?<=[:\\[,] )[A-Za-z0-9_.+/\"-][^,\\]}#\\n]*?(?=\\s*[,\\]}#]|\\s*$)",
            Pattern.MULTILINE);
    private static final List<String> RAW = List.of(
            "\u202E", "\uFEFF", "😀", "\u0000", "\u0085", "\r", "\u2028", "\u00A0", "\u0007", "\u001B[2J", "é", "\t",
            "\\", "\"", "'", "&", "*", "!", "|", ">", "%", "@", "`", "{", "}", "[", "]", ",", "#", "? ", "- ", ": ");
    private static final List<String> ODDITIES = List.of(
            "---\n", "...\n", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "? [a, b]\n: c\n", "!!set {a, b}\n", "*undefined\n",
            "<<: *nowhere\n", "x-a: &a [1]\nx-b: *a\n", "<<: [1, 2]\n", "<<: {scenario: merged}\n", "&anchor\n", "!!python/object:os.system ls\n");

    private Mutations() {}

    /** One to three mutations of {@code text}; {@code what} gets a word for each. */
    static String mutate(String text, Random random, StringBuilder what) {
        String out = text;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            out = once(out, random, what);
        }
        return out;
    }

    static String once(String text, Random random, StringBuilder what) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        switch (random.nextInt(14)) {
            case 0 -> {
                what.append(" delete-line");
                lines.remove(line);
            }
            case 1 -> {
                what.append(" duplicate-line");
                lines.add(line, lines.get(line));
            }
            case 2 -> {
                what.append(" swap-lines");
                int other = random.nextInt(lines.size());
                String l = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, l);
            }
            case 3 -> {
                what.append(" indent");
                String l = lines.get(line);
                int delta = random.nextInt(9) - 4;
                lines.set(line, delta >= 0 ? " ".repeat(delta) + l : l.substring(Math.min(-delta, leading(l))));
            }
            case 4 -> {
                what.append(" tab");
                String l = lines.get(line);
                lines.set(line, "\t" + l.substring(Math.min(2, leading(l))));
            }
            case 5, 6, 7 -> {
                what.append(" value");
                return replaceScalar(text, random);
            }
            case 8 -> {
                what.append(" raw-unicode");
                int at = random.nextInt(text.length() + 1);
                return text.substring(0, at) + RAW.get(random.nextInt(RAW.size())) + text.substring(at);
            }
            case 9 -> {
                what.append(" cut");
                return text.substring(0, random.nextInt(text.length() + 1));
            }
            case 10 -> {
                what.append(" deep-nesting");
                int depth = 1 + random.nextInt(random.nextBoolean() ? 60 : 3000);
                String nest = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
                return replaceScalarWith(text, random, nest);
            }
            case 11 -> {
                if (random.nextBoolean()) {
                    what.append(" alias-bomb");
                    return bomb(2 + random.nextInt(8), 2 + random.nextInt(8)) + replaceScalarWith(text, random, "*l0");
                }
                what.append(" merge-bomb");
                return mergeBomb(2 + random.nextInt(8), 2 + random.nextInt(8)) + replaceScalarWith(text, random, "{<<: *m0}");
            }
            case 12 -> {
                what.append(" oddity");
                lines.add(line, ODDITIES.get(random.nextInt(ODDITIES.size())).stripTrailing());
            }
            default -> {
                what.append(" number");
                return replaceScalarWith(text, random,
                        List.of("1e9", "-1", "0", ".nan", "-.inf", "", "99999999999999999999", "1e-9", "-0.0", "0x1F")
                                .get(random.nextInt(10)));
            }
        }
        return String.join("\n", lines);
    }

    /** {@code levels} anchored lists, each holding {@code width} aliases of the one before. */
    static String bomb(int levels, int width) {
        StringBuilder out = new StringBuilder("x-l" + levels + ": &l" + levels + " [lol]\n");
        for (int i = levels - 1; i >= 0; i--) {
            out.append("x-l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(width, "*l" + (i + 1)))).append("]\n");
        }
        return out.toString();
    }

    /** {@code levels} anchored mappings, each merging {@code width} copies of the one before. */
    static String mergeBomb(int levels, int width) {
        StringBuilder out = new StringBuilder("x-m" + levels + ": &m" + levels + " {a: 1}\n");
        for (int i = levels - 1; i >= 0; i--) {
            out.append("x-m").append(i).append(": &m").append(i).append(" {<<: [")
                    .append(String.join(", ", java.util.Collections.nCopies(width, "*m" + (i + 1)))).append("]}\n");
        }
        return out.toString();
    }

    private static String replaceScalar(String text, Random random) {
        return replaceScalarWith(text, random, HostileValues.any(random));
    }

    private static String replaceScalarWith(String text, Random random, String value) {
        Matcher m = SCALAR.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text + "\nx-v: " + value;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + value + text.substring(span[1]);
    }

    private static int leading(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
