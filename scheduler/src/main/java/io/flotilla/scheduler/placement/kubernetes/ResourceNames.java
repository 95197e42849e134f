package io.flotilla.scheduler.placement.kubernetes;


/**
 * The resource names of a request or an allocatable list and their units: {@value #CPU} in
 * millicores, {@value #MEMORY} and {@value #EPHEMERAL_STORAGE} in bytes, {@value #PODS} as a count;
 * any other name is an extended resource counted in whole units (for example {@code nvidia.com/gpu}).
 */
public final class ResourceNames {

    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
    public static final String PODS = "pods";

    /** The kubelet's default {@code maxPods}, the allocatable pod count a node gets unless told otherwise. */
    public static final long DEFAULT_MAX_PODS = 110;

    /**
     * The request a container is given for scoring when it names no cpu request (upstream
     * {@code DefaultMilliCPURequest}); never used by the Filter.
     */
    public static final long DEFAULT_MILLI_CPU_REQUEST = 100;

    /** The scoring-only memory request of a container that names none: 200 MiB ({@code DefaultMemoryRequest}). */
    public static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

    private ResourceNames() {}

    /** True for an extended resource: anything but cpu, memory, ephemeral-storage and pods. */
    public static boolean isExtended(String name) {
        return !(CPU.equals(name) || MEMORY.equals(name) || EPHEMERAL_STORAGE.equals(name) || PODS.equals(name));
    }
}
