package io.flotilla.scenarios.views;

import java.util.Comparator;

/**
 * The order {@code docker service ps} and {@code docker node ls} sort names in ({@code
 * fvbommel/sortorder.NaturalLess}): runs of digits compare as numbers ({@code web.2} before
 * {@code web.10}), digits before other characters, and of two equal numbers the one with fewer
 * leading zeros first; everything else byte by byte.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {}

    @Override
    public int compare(String a, String b) {
        return less(a, b) ? -1 : less(b, a) ? 1 : 0;
    }

    static boolean less(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char c1 = a.charAt(i);
            char c2 = b.charAt(j);
            boolean d1 = isDigit(c1);
            boolean d2 = isDigit(c2);
            if (d1 != d2) {
                return d1;
            }
            if (!d1) {
                if (c1 != c2) {
                    return c1 < c2;
                }
                i++;
                j++;
                continue;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int start1 = i;
            int start2 = j;
            while (i < a.length() && isDigit(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && isDigit(b.charAt(j))) {
                j++;
            }
            if (i - start1 != j - start2) {
                return i - start1 < j - start2;
            }
            String n1 = a.substring(start1, i);
            String n2 = b.substring(start2, j);
            if (!n1.equals(n2)) {
                return n1.compareTo(n2) < 0;
            }
            if (start1 != start2) {
                return start1 < start2;
            }
        }
        return a.length() < b.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
