package io.flotilla.sim.kernel;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * The class loader a simulation's actor system is given: it loads every class and resource from its
 * parent, except that among the {@code reference.conf} files it shows only those of the two Pekko
 * modules a local typed actor system reads settings from, actors and typed actors.
 *
 * <p>Pekko and the config library build an actor system's settings from every {@code reference.conf}
 * its class loader finds, parsed and resolved before the first message. The command line also carries
 * Pekko's cluster, remoting, distributed data and streams (for {@code compare --cluster}), whose files
 * are almost two thirds of that HOCON; a local actor system never reads their settings, and the library
 * extensions that would start those modules are pinned by {@link Simulation}. Classes come from the
 * parent, so they are the very classes the rest of the program sees. Where a module's own file cannot
 * be told apart (a class path this class does not understand), every file is shown, as before.
 *
 * <p>One instance per parent, kept: the config library caches what it parsed for the last class loader
 * it was asked about, so runs after the first in a JVM parse nothing.
 */
final class LocalPekkoClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** The modules a local typed actor system reads settings of: one class of each. */
    private static final List<String> MODULES = List.of(
            "org.apache.pekko.actor.ActorSystem", "org.apache.pekko.actor.typed.ActorSystem");

    private static final String REFERENCE = "reference.conf";

    private static volatile LocalPekkoClassLoader last;

    /** The {@code reference.conf} addresses to show; empty when one was not found, and then all are shown. */
    private final Optional<List<String>> references;

    private LocalPekkoClassLoader(ClassLoader parent) {
        super("flotilla-local-pekko", parent);
        this.references = references(parent);
    }

    /** The loader over the current thread's context class loader, or else the one that loaded this class. */
    static ClassLoader forCurrentThread() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader parent = context != null ? context : LocalPekkoClassLoader.class.getClassLoader();
        LocalPekkoClassLoader cached = last;
        if (cached != null && cached.getParent() == parent) {
            return cached;
        }
        LocalPekkoClassLoader made = new LocalPekkoClassLoader(parent);
        last = made;
        return made;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = super.getResources(name);
        if (!name.equals(REFERENCE) || references.isEmpty()) {
            return all;
        }
        List<URL> shown = new ArrayList<>();
        for (URL url : Collections.list(all)) {
            if (references.get().contains(url.toString())) {
                shown.add(url);
            }
        }
        return Collections.enumeration(shown);
    }

    private static Optional<List<String>> references(ClassLoader parent) {
        List<String> wanted = new ArrayList<>();
        for (String module : MODULES) {
            Optional<String> url = referenceOf(module, parent);
            if (url.isEmpty()) {
                return Optional.empty();
            }
            wanted.add(url.get());
        }
        try {
            List<String> present = new ArrayList<>();
            for (URL url : Collections.list(parent.getResources(REFERENCE))) {
                present.add(url.toString());
            }
            return present.containsAll(wanted) ? Optional.of(List.copyOf(wanted)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where the {@code reference.conf} beside {@code className} is: in its jar, or in its class folder. */
    private static Optional<String> referenceOf(String className, ClassLoader parent) {
        try {
            CodeSource source = Class.forName(className, false, parent).getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            URL location = source.getLocation();
            if (location.toString().endsWith("/")) {
                return Optional.of(new URL(location, REFERENCE).toString());
            }
            return Optional.of("jar:" + location + "!/" + REFERENCE);
        } catch (ClassNotFoundException | MalformedURLException | SecurityException e) {
            return Optional.empty();
        }
    }
}
