package io.flotilla.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The actor system's class loader hides every {@code reference.conf} and manifest but those of the
 * Pekko modules a local actor system runs on, shows those modules' settings as the one rendered file,
 * and changes nothing else. The parent here is the test class path plus a folder holding one more
 * {@code reference.conf}, as a cluster library's jar would.
 */
class LocalPekkoClassLoaderTest {

    private static final String REFERENCE = "reference.conf";

    @TempDir
    Path dir;

    @Test
    void showsOnlyTheActorModulesReferenceFiles() throws IOException {
        Files.writeString(dir.resolve("reference.conf"), "pekko.cluster.seed-nodes = []\n");
        withParent(loader -> {
            List<String> shown = urls(LocalPekkoClassLoader.showingModulesOwnSettings(loader.getParent()), REFERENCE);
            assertEquals(2, shown.size(), shown.toString());
            assertTrue(shown.stream().anyMatch(u -> u.contains("pekko-actor_")), shown.toString());
            assertTrue(shown.stream().anyMatch(u -> u.contains("pekko-actor-typed_")), shown.toString());
            assertTrue(urls(loader.getParent(), REFERENCE).stream().anyMatch(u -> u.contains(dir.toString())));
            List<String> rendered = urls(loader, REFERENCE);
            assertEquals(1, rendered.size(), rendered.toString());
            assertTrue(rendered.get(0).endsWith(LocalPekkoClassLoader.renderedName()), rendered.toString());
            return null;
        });
    }

    /**
     * The rendered file is the modules' own files as the config library reads them here: merged in
     * class-path order, resolved, and written as concise JSON, whose keys are sorted. When it is not, or
     * when there is none for this Pekko version, the file as it should be is written to the build folder,
     * to be put in the sources in place of the old one.
     */
    @Test
    void theRenderedSettingsAreTheModulesOwn() throws IOException {
        ClassLoader own = LocalPekkoClassLoader.showingModulesOwnSettings(getClass().getClassLoader());
        String expected = ConfigFactory.parseResources(own, REFERENCE).resolve().root()
                .render(ConfigRenderOptions.concise()) + "\n";
        String name = LocalPekkoClassLoader.renderedName();
        String shipped = "";
        try (InputStream in = LocalPekkoClassLoader.class.getResourceAsStream(name)) {
            if (in != null) {
                shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (!expected.equals(shipped)) {
            Path folder = Files.createDirectories(Path.of("target"));
            Path written = Files.writeString(folder.resolve(name), expected);
            fail("the rendered Pekko settings are missing or out of date: put " + written.toAbsolutePath()
                    + " in node-sim/src/main/resources/io/flotilla/sim/kernel/, in place of the old one");
        }
    }

    @Test
    void classesAndOtherResourcesAreTheParents() throws Exception {
        Files.writeString(dir.resolve("application.conf"), "flotilla.test = 1\n");
        withParent(loader -> {
            try {
                assertSame(loader.getParent().loadClass("org.apache.pekko.actor.ActorSystem"),
                        loader.loadClass("org.apache.pekko.actor.ActorSystem"));
                assertSame(Simulation.class, loader.loadClass(Simulation.class.getName()));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            assertEquals(urls(loader.getParent(), "application.conf"), urls(loader, "application.conf"));
            assertEquals(urls(loader.getParent(), "META-INF/services/org.slf4j.spi.SLF4JServiceProvider"),
                    urls(loader, "META-INF/services/org.slf4j.spi.SLF4JServiceProvider"));
            return null;
        });
    }

    /** Pekko reads the manifests to compare its modules' versions: those of the modules the system runs. */
    @Test
    void showsOnlyTheModulesManifests() throws IOException {
        withParent(loader -> {
            List<String> shown = urls(loader, "META-INF/MANIFEST.MF");
            assertEquals(3, shown.size(), shown.toString());
            for (String module : List.of("pekko-actor_", "pekko-actor-typed_", "pekko-slf4j_")) {
                assertTrue(shown.stream().anyMatch(u -> u.contains(module)), module + " in " + shown);
            }
            assertTrue(urls(loader.getParent(), "META-INF/MANIFEST.MF").size() > 3);
            return null;
        });
    }

    @Test
    void oneLoaderPerParent() throws IOException {
        withParent(loader -> {
            assertSame(loader, LocalPekkoClassLoader.forCurrentThread());
            return null;
        });
    }

    /** Runs {@code check} on the loader made over the test class path and {@link #dir}. */
    private void withParent(Function<ClassLoader, Void> check) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader parent = new URLClassLoader(new URL[] {dir.toUri().toURL()}, before)) {
            thread.setContextClassLoader(parent);
            ClassLoader loader = LocalPekkoClassLoader.forCurrentThread();
            assertSame(parent, loader.getParent());
            check.apply(loader);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static List<String> urls(ClassLoader loader, String name) {
        try {
            return Collections.list(loader.getResources(name)).stream().map(URL::toString).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
