package io.flotilla.network.kubernetes;

import java.util.List;

/**
 * Where a Service's new endpoints differ from those before: {@code [start, end)} of the new list,
 * the rest being the very objects (by identity) at the old list's start and end; the old list had
 * {@code shift} more. The EndpointSlice controller hands an unchanged endpoint on as the same
 * object, so whoever keeps something per endpoint keeps it for both ends and makes it again only
 * in between.
 */
public record EndpointsChange(int start, int end, int shift) {

    /**
     * A list made from an older one that can tell, without comparing them one by one, how many of its
     * first elements are the very objects at the same places in that list.
     */
    public interface SharesPrefix {

        /** A number of leading elements known to be, by identity, {@code older}'s; 0 when it cannot tell. */
        int sharedPrefix(List<?> older);
    }

    public static EndpointsChange between(List<?> before, List<?> after) {
        int max = Math.min(before.size(), after.size());
        int start = after instanceof SharesPrefix shares ? Math.min(shares.sharedPrefix(before), max) : 0;
        while (start < max && before.get(start) == after.get(start)) {
            start++;
        }
        int end = after.size();
        int shift = before.size() - after.size();
        while (end > start && end + shift > start && before.get(end + shift - 1) == after.get(end - 1)) {
            end--;
        }
        return new EndpointsChange(start, end, shift);
    }

    /**
     * Copies what was kept per endpoint of the old list, at both unchanged ends, into {@code into},
     * kept per endpoint of the new list; what lies between is left for the caller to make.
     */
    public void copyEnds(Object before, Object into, int newSize) {
        System.arraycopy(before, 0, into, 0, start);
        System.arraycopy(before, end + shift, into, end, newSize - end);
    }
}
