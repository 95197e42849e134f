package io.flotilla.scheduler.placement.kubernetes.framework;


/** A plugin of a profile and, if it scores, its weight (0 for plugins without Score). */
public record WeightedPlugin(Plugin plugin, int weight) {}
