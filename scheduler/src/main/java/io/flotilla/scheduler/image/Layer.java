package io.flotilla.scheduler.image;

/**
 * One layer of an image, named by its digest: two images that list the same digest share the
 * layer, on a node's disk and in a pull.
 */
public record Layer(String digest, long sizeBytes) {}
