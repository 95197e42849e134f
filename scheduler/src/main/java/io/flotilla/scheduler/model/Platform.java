package io.flotilla.scheduler.model;

/** A node's (or an image's) operating system and CPU architecture, as Docker names them. */
public record Platform(String os, String arch) {
    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64");
}
