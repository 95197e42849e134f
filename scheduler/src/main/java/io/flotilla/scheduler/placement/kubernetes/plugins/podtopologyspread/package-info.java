/**
 * PodTopologySpread (upstream {@code plugins/podtopologyspread}): the DoNotSchedule filter, the
 * ScheduleAnyway score and the system default constraints, over the pod's constraints made ready
 * for counting.
 */
package io.flotilla.scheduler.placement.kubernetes.plugins.podtopologyspread;
