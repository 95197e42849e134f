package io.flotilla.scenarios.views;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter}, the part docker and kubectl use: cells end at a tab, a column is
 * as wide as its widest cell plus {@code padding} (and at least {@code minWidth}), padded with
 * spaces, and the text after a line's last tab belongs to no column. As in Go, a column runs over
 * consecutive lines only: a line with fewer cells ends it, so {@code kubectl describe}'s blocks align
 * each on their own. Widths count characters, not bytes. Unlike Go, trailing blanks are trimmed from
 * every line (the real tools leave the padding of an empty last column there).
 */
public final class GoTabWriter {

    private final int minWidth;
    private final int padding;
    private final List<String[]> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    private GoTabWriter(int minWidth, int padding) {
        this.minWidth = minWidth;
        this.padding = padding;
    }

    /** Docker's tables ({@code formatter.Context}): minimum width 10, padding 3. */
    public static String docker(String text) {
        return format(text, 10, 3);
    }

    /** kubectl's tables ({@code printers.GetNewTabWriter}): minimum width 6, padding 3. */
    public static String kubectl(String text) {
        return format(text, 6, 3);
    }

    /** kubectl describe ({@code tabbedString}): minimum width 0, padding 2. */
    public static String describe(String text) {
        return format(text, 0, 2);
    }

    /** Aligns {@code text}, lines ended by {@code \n} and cells by {@code \t}, as one flush of a tabwriter. */
    public static String format(String text, int minWidth, int padding) {
        GoTabWriter w = new GoTabWriter(minWidth, padding);
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            w.lines.add(line.split("\t", -1));
        }
        w.format(0, w.lines.size());
        return w.out.toString();
    }

    /** Go's {@code format}: find each block of lines that have a cell in the next column, size it, recurse. */
    private void format(int line0, int line1) {
        int column = widths.size();
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).length - 1) {
                continue;
            }
            writeLines(line0, current);
            line0 = current;
            int width = minWidth;
            for (; current < line1; current++) {
                String[] cells = lines.get(current);
                if (column >= cells.length - 1) {
                    break;
                }
                width = Math.max(width, length(cells[column]) + padding);
            }
            widths.add(width);
            format(line0, current);
            widths.remove(widths.size() - 1);
            line0 = current; // the line that ended the block has no cell in this column: skipping it is safe
        }
        writeLines(line0, line1);
    }

    private void writeLines(int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            StringBuilder line = new StringBuilder();
            String[] cells = lines.get(i);
            for (int j = 0; j < cells.length; j++) {
                line.append(cells[j]);
                if (j < widths.size()) {
                    line.append(" ".repeat(Math.max(0, widths.get(j) - length(cells[j]))));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static int length(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
