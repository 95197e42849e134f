package io.flotilla.scheduler.runtime;

/**
 * What the application in a container of an image does, beyond starting: the memory it uses
 * once running, the CPU it needs ({@code cpuNanos}, in nano-CPUs: to start in the image's start
 * time, and while it runs) and what it does with SIGTERM.
 */
public record Application(MemoryUse memoryUse, long cpuNanos, Sigterm sigterm) {

    /** Nothing declared: no memory or CPU use, and it exits cleanly at SIGTERM. */
    public static final Application DEFAULT = new Application(MemoryUse.NONE, 0, Sigterm.EXIT);
}
