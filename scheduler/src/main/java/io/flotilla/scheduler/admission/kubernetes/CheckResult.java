package io.flotilla.scheduler.admission.kubernetes;

/**
 * One check's verdict (upstream's {@code CheckResult}): allowed, or forbidden with a short reason
 * that is always printed and a detail printed in parentheses after it.
 */
public record CheckResult(boolean allowed, String forbiddenReason, String forbiddenDetail) {

    public static final CheckResult ALLOWED = new CheckResult(true, "", "");

    public static CheckResult forbidden(String reason, String detail) {
        return new CheckResult(false, reason, detail);
    }
}
