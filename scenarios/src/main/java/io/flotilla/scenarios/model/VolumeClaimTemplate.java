package io.flotilla.scenarios.model;

/** A statefulset's per-ordinal volume: claim {@code <name>-<set>-<ordinal>} of {@code sizeBytes}. */
public record VolumeClaimTemplate(String name, String storageClass, long sizeBytes) {}
