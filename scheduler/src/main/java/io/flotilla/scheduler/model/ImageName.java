package io.flotilla.scheduler.model;

import java.util.Optional;

/**
 * An image reference split as Docker splits it: the repository, then an optional {@code :tag}
 * (a colon after the last slash, so {@code registry:5000/app} has no tag) and an optional
 * {@code @digest}.
 */
public record ImageName(String repository, Optional<String> tag, Optional<String> digest) {

    public static ImageName of(String reference) {
        String rest = reference;
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            return new ImageName(rest.substring(0, colon), Optional.of(rest.substring(colon + 1)), digest);
        }
        return new ImageName(rest, Optional.empty(), digest);
    }

    /**
     * The reference with {@code :latest} added when it has neither tag nor digest, as the engine
     * names an image in its errors ({@code reference.TagNameOnly}): {@code nginx} is
     * {@code nginx:latest}.
     */
    public String withDefaultTag() {
        return repository + tag.map(t -> ":" + t).orElse(digest.isPresent() ? "" : ":latest")
                + digest.map(d -> "@" + d).orElse("");
    }
}
