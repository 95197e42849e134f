package io.flotilla.scenarios.lint;

import java.util.ArrayList;
import java.util.List;

/** Every rule, in the order its warnings are listed for one place in the file. */
public final class LintRules {

    public static final List<LintRule> ALL = List.of(
            new RootUserRule(),
            new WritableRootFilesystemRule(),
            new DefaultCapabilitiesRule(),
            new PrivilegedRule(),
            new NoHealthcheckRule(),
            new LatestTagRule(),
            new ImageVulnerabilitiesRule());

    private LintRules() {}

    /** What the service does not follow, rule by rule. */
    public static List<Finding> check(LintedService service) {
        List<Finding> out = new ArrayList<>();
        for (LintRule rule : ALL) {
            rule.check(service).ifPresent(out::add);
        }
        return out;
    }
}
