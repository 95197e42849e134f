package io.flotilla.scheduler.orchestrator.kubernetes;

import java.util.random.RandomGenerator;

/**
 * The name the API server gives an object created with {@code metadata.generateName} (upstream
 * {@code names.SimpleNameGenerator}): the base, cut to leave room, then 5 random characters of
 * {@link SafeAlphanumerics}. A ReplicaSet's pods are generated from {@code <replicaset>-}, a
 * DaemonSet's from {@code <daemonset>-}.
 */
public final class GeneratedNames {

    /** A name's longest length (a DNS label). */
    public static final int MAX_NAME_LENGTH = 63;
    public static final int RANDOM_LENGTH = 5;
    public static final int MAX_BASE_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;

    private GeneratedNames() {}

    public static String generate(String base, RandomGenerator random) {
        String prefix = base.length() > MAX_BASE_LENGTH ? base.substring(0, MAX_BASE_LENGTH) : base;
        return prefix + SafeAlphanumerics.randomString(RANDOM_LENGTH, random);
    }
}
