package io.flotilla.scheduler.placement.kubernetes.plugins.noderesources;


/** Integer arithmetic for the score formulas, exact as Go's but cheaper where it runs per node. */
final class Arith {

    private Arith() {}

    /**
     * {@code a / b} for {@code 0 <= a < 2^52} and {@code 0 < b}, truncated exactly as integer
     * division does. A 64-bit hardware division costs tens of cycles and the resource scores do
     * several per node; a floating-point estimate corrected by at most one step gives the same
     * quotient for a few multiplications.
     */
    static long div(long a, long b) {
        long q = (long) ((double) a / (double) b);
        long r = a - q * b;
        if (r < 0) {
            q--;
        } else if (r >= b) {
            q++;
        }
        return q;
    }
}
