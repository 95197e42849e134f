/**
 * The default profile's plugins (upstream {@code pkg/scheduler/framework/plugins}), one class per
 * upstream plugin with its name, formulas, integer truncation and reason texts; a plugin of several
 * files has a subpackage named as upstream's ({@code noderesources}, {@code podtopologyspread}).
 * {@link io.flotilla.scheduler.placement.kubernetes.plugins.DefaultPlugins} is the one list of the
 * profile's plugins in order with their weights; the plugins themselves stay private to their
 * package and know nothing of each other.
 */
package io.flotilla.scheduler.placement.kubernetes.plugins;
