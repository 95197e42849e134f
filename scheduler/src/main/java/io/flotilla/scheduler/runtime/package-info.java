/**
 * What a container does inside its cgroup, as pure rules: the memory it uses over its running time
 * and when that runs past its memory limit (the kernel's OOM killer, exit 137), how a CPU limit
 * stretches its start (CFS quota), what it does with the SIGTERM of {@code docker stop}, and the
 * exit status and error its end is reported with. The node agents apply them; nothing here sees a
 * clock except as an argument.
 */
package io.flotilla.scheduler.runtime;
