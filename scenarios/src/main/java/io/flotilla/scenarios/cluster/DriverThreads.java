package io.flotilla.scenarios.cluster;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that each drive one simulation at a time, named as a local sweep names them; daemons, so
 * a failed sweep or a stopped worker never keeps the JVM alive.
 */
final class DriverThreads implements ThreadFactory {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable job) {
        Thread thread = new Thread(job, "flotilla-driver-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
