package io.flotilla.scenarios.lint;

import java.util.Optional;

/**
 * "Regularly update images", on purpose: an image named by {@code latest}, or by no tag (which
 * means {@code latest}), is whatever was pushed last, so two nodes may run different code and a
 * rollback has nothing to go back to. A digest ({@code @sha256:...}) or any other tag is fine.
 */
public final class LatestTagRule implements LintRule {

    @Override
    public String id() {
        return "latest-tag";
    }

    @Override
    public Optional<Finding> check(LintedService s) {
        String image = s.spec().task().image();
        if (image.contains("@")) {
            return Optional.empty();
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon >= 0 && !last.substring(colon + 1).equals("latest")) {
            return Optional.empty();
        }
        String why = !s.written().containsKey("image") ? "names no image, so it runs " + image
                : colon < 0 ? "names no tag (" + image + "), which means " + image + ":latest"
                : "uses the latest tag (" + image + ")";
        return Optional.of(new Finding(s.where("image"), id(), "service '" + s.name() + "' " + why
                + "; pin a version, such as nginx:1.27"));
    }
}
