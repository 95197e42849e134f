package io.flotilla.scenarios.lint;

import io.flotilla.scenarios.model.Severity;
import io.flotilla.scenarios.model.SourcePos;
import io.flotilla.scenarios.model.Vulnerability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Scan images for vulnerabilities": what {@code docker scout cves} or {@code trivy image} would
 * report of the service's image, from the known vulnerabilities its layers declare. A count by
 * severity, worst first, as both tools summarise, then each one, worst first, with its package,
 * the layer it comes from (a base image's layer brings its vulnerabilities into every image built
 * on it) and the version that fixes it. The finding carries the worst severity, which a scan gate
 * ({@code validate --fail-on high}) compares with its threshold.
 */
public final class ImageVulnerabilitiesRule implements LintRule {

    static final String ID = "image-vulnerabilities";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> check(LintedService s) {
        return scan("service '" + s.name() + "' runs " + s.spec().task().image(), s.where("image"), s.vulnerabilities());
    }

    /**
     * The finding of a scan of an image that {@code subject} deploys ({@code service 'web' runs
     * nginx:1.27}, or a timeline update that rolls it out), written at {@code at}; none when
     * nothing is known.
     */
    public static Optional<Finding> scan(String subject, SourcePos at, List<Vulnerability> known) {
        if (known.isEmpty()) {
            return Optional.empty();
        }
        List<Vulnerability> worstFirst = new ArrayList<>(known);
        // Stable: within a severity, base layers first, as the file lists them.
        worstFirst.sort(Comparator.comparing(Vulnerability::severity).reversed());
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        worstFirst.forEach(v -> counts.merge(v.severity(), 1, Integer::sum));
        List<String> summary = new ArrayList<>();
        for (Severity severity : worstFirst.stream().map(Vulnerability::severity).distinct().toList()) {
            summary.add(counts.get(severity) + " " + severity.word());
        }
        List<String> each = worstFirst.stream().map(ImageVulnerabilitiesRule::describe).toList();
        int n = worstFirst.size();
        String message = subject + ", which has " + n + " known "
                + (n == 1 ? "vulnerability" : "vulnerabilities") + " (" + String.join(", ", summary) + "): "
                + String.join("; ", each) + "; rebuild it on a fixed or smaller base image";
        return Optional.of(new Finding(at, ID, message, Optional.of(worstFirst.get(0).severity())));
    }

    private static String describe(Vulnerability v) {
        return v.id() + " " + v.severity().word() + v.pkg().map(p -> " in " + p).orElse("") + " (layer " + v.layer() + ", "
                + v.fixedIn().map(f -> "fixed in " + f).orElse("no fix yet") + ")";
    }
}
