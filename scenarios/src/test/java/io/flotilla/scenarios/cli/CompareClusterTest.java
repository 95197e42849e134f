package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.cli.Cli.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code compare --cluster} on three JVMs over loopback: this one coordinates, two worker JVMs
 * ({@code worker --join}) run the simulations, and what is printed is byte for byte what a local
 * sweep prints, also when a worker is killed in the middle of the sweep.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompareClusterTest {

    private static final String SCENARIO = "examples/worker-failover.yaml";
    /** JSON, as it shows every metric at full precision; the table is printed from the same comparison. */
    private static final String[] SWEEP = {"compare", SCENARIO, "--strategies", "swarm,kubernetes", "--seeds", "1..6", "--json"};

    /** The local sweep's output, once for both cases, while the first case's workers start. */
    private static Outcome localSweep;

    private final List<Worker> workers = new CopyOnWriteArrayList<>();

    /** A worker JVM and every line it wrote to standard error. */
    private record Worker(Process process, List<String> err, StringBuilder out, CountDownLatch started) {
        boolean ranARun() {
            return err.stream().anyMatch(line -> line.startsWith("flotilla worker: run "));
        }
    }

    private static synchronized Outcome local() {
        if (localSweep == null) {
            localSweep = Cli.run(SWEEP);
            assertEquals(ExitCodes.PASSED, localSweep.code(), localSweep.err());
        }
        return localSweep;
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Worker w : workers) {
            w.process().destroyForcibly();
            w.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoWorkersPrintWhatALocalSweepPrints() {
        int port = freePort();
        startWorkers(port, line -> {});
        Outcome local = local();
        awaitWorkersStarted();
        Outcome clustered = Cli.run(withCluster(port));
        assertEquals(local.code(), clustered.code(), clustered.err());
        assertEquals(local.out(), clustered.out());
        assertFalse(clustered.err().contains("no worker joined"), clustered.err());
        assertTrue(workers.stream().anyMatch(Worker::ranARun), this::workerErr);
        workers.forEach(w -> assertEquals("", w.out().toString(), "a worker's standard output"));
    }

    @Test
    void aWorkerKilledMidSweepLosesNoRun() {
        int port = freePort();
        // The first worker to take a run dies at once, its runs unfinished.
        startWorkers(port, new Consumer<>() {
            private boolean killed;

            @Override
            public synchronized void accept(String line) {
                if (!killed && line.startsWith("flotilla worker: run ")) {
                    killed = true;
                    workers.stream().filter(Worker::ranARun).findFirst().ifPresent(w -> w.process().destroyForcibly());
                }
            }
        });
        Outcome local = local();
        awaitWorkersStarted();
        Outcome clustered = Cli.run(withCluster(port));
        assertEquals(local.code(), clustered.code(), clustered.err());
        assertEquals(local.out(), clustered.out());
        assertTrue(clustered.err().contains(" is gone; "), clustered.err() + workerErr());
    }

    private static String[] withCluster(int port) {
        return Stream.concat(Stream.of(SWEEP), Stream.of("--cluster", "127.0.0.1:" + port)).toArray(String[]::new);
    }

    /**
     * Waits until both worker JVMs have started and ask to join, so that the sweep's wait for a first
     * worker covers only the join, not a JVM start on a busy machine.
     */
    private void awaitWorkersStarted() {
        for (Worker w : workers) {
            try {
                assertTrue(w.started().await(60, TimeUnit.SECONDS), "a worker did not start within 60 s" + workerErr());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Two worker JVMs on this test's class path; they keep asking to join until the sweep's coordinator listens. */
    private void startWorkers(int port, Consumer<String> onErrLine) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder builder = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx256m", "-cp", classPath,
                    Main.class.getName(), "worker", "--join", "127.0.0.1:" + port, "--threads", "2");
            try {
                Process process = builder.start();
                Worker worker = new Worker(process, new CopyOnWriteArrayList<>(), new StringBuilder(), new CountDownLatch(1));
                workers.add(worker);
                drain(process, worker, onErrLine);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void drain(Process process, Worker worker, Consumer<String> onErrLine) {
        Thread err = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    worker.err().add(line);
                    if (line.contains(" joining ")) {
                        worker.started().countDown();
                    }
                    onErrLine.accept(line);
                }
            } catch (IOException e) {
                // the worker was killed
            }
        }, "worker-stderr");
        Thread out = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (worker.out()) {
                        worker.out().append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the worker was killed
            }
        }, "worker-stdout");
        err.setDaemon(true);
        out.setDaemon(true);
        err.start();
        out.start();
    }

    private String workerErr() {
        StringBuilder all = new StringBuilder();
        workers.forEach(w -> all.append("\n--- worker\n").append(String.join("\n", w.err())));
        return all.toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
