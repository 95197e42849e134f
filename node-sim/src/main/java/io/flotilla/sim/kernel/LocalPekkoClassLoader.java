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
import org.apache.pekko.Version;

/**
 * The class loader a simulation's actor system is given: it loads every class and resource from its
 * parent, except that of the {@code reference.conf} and {@code META-INF/MANIFEST.MF} files it shows only
 * those of the Pekko modules a local typed actor system runs on: actors, typed actors and the SLF4J
 * logger.
 *
 * <p>Pekko and the config library build an actor system's settings from every {@code reference.conf}
 * its class loader finds, parsed and resolved before the first message, and Pekko reads every jar's
 * manifest to warn when its modules' versions differ. The command line also carries Pekko's cluster,
 * remoting, distributed data and streams (for {@code compare --cluster}), whose files are almost two
 * thirds of that HOCON, and some thirty jars in all; a local actor system never reads those settings
 * or runs those modules, and the library extensions that would start them are pinned by {@link
 * Simulation}. Classes come from the parent, so they are the very classes the rest of the program
 * sees. Where a module's own files cannot be told apart (a class path this class does not
 * understand), every file is shown, as before.
 *
 * <p>Those modules' two {@code reference.conf} files are shown as one, kept beside this class for the
 * Pekko version it was made from ({@link #renderedName}): their settings merged, resolved and written
 * as concise JSON (13 KB against 71 KB of HOCON, four fifths of it comments), which the config library
 * parses in a fraction of the time at every start. Under any other Pekko version the modules' own files
 * are shown. {@code LocalPekkoClassLoaderTest} fails when the file is no longer what the modules' own
 * files say, and writes it as it should be. Two consequences, neither of them read by a simulation:
 * the files' order on the class path decides only the order of {@code pekko.library-extensions},
 * which {@link Simulation} sets itself; and a {@code -D} setting of a key that another key refers to
 * no longer changes the other key, which was resolved when the file was made.
 *
 * <p>One instance per parent, kept: the config library caches what it parsed for the last class loader
 * it was asked about, so runs after the first in a JVM parse nothing.
 */
final class LocalPekkoClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** The modules whose settings a local typed actor system reads: one class of each. */
    private static final List<String> MODULES = List.of(
            "org.apache.pekko.actor.ActorSystem", "org.apache.pekko.actor.typed.ActorSystem");

    /** A module it runs when present: typed actors log through SLF4J. */
    private static final List<String> OPTIONAL_MODULES = List.of("org.apache.pekko.event.slf4j.Slf4jLogger");

    private static final String REFERENCE = "reference.conf";

    /** The files shown only from the modules' own jars or class folders. */
    private static final List<String> FILTERED = List.of(REFERENCE, "META-INF/MANIFEST.MF");

    private static final URL RENDERED = LocalPekkoClassLoader.class.getResource(renderedName());

    private static volatile LocalPekkoClassLoader last;

    /** Where the modules' classes come from; empty when one was not found, and then every file is shown. */
    private final Optional<List<URL>> roots;

    /** Whether the modules' settings are shown as the rendered file or as their own files. */
    private final boolean rendered;

    private LocalPekkoClassLoader(ClassLoader parent, boolean rendered) {
        super("flotilla-local-pekko", parent);
        this.roots = roots(parent);
        this.rendered = rendered && RENDERED != null;
    }

    /** The rendered settings' resource name, beside this class, for the Pekko version on the class path. */
    static String renderedName() {
        return "pekko-" + Version.current() + "-local-reference.conf";
    }

    /** A loader that shows the modules' own {@code reference.conf} files: what the rendered one is made from. */
    static ClassLoader showingModulesOwnSettings(ClassLoader parent) {
        return new LocalPekkoClassLoader(parent, false);
    }

    /** The loader over the current thread's context class loader, or else the one that loaded this class. */
    static ClassLoader forCurrentThread() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader parent = context != null ? context : LocalPekkoClassLoader.class.getClassLoader();
        LocalPekkoClassLoader cached = last;
        if (cached != null && cached.getParent() == parent) {
            return cached;
        }
        LocalPekkoClassLoader made = new LocalPekkoClassLoader(parent, true);
        last = made;
        return made;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = super.getResources(name);
        if (!FILTERED.contains(name) || roots.isEmpty()) {
            return all;
        }
        if (name.equals(REFERENCE) && rendered) {
            return Collections.enumeration(List.of(RENDERED));
        }
        List<String> wanted = new ArrayList<>();
        for (URL root : roots.get()) {
            inside(root, name).ifPresent(wanted::add);
        }
        List<URL> shown = new ArrayList<>();
        for (URL url : Collections.list(all)) {
            if (wanted.contains(url.toString())) {
                shown.add(url);
            }
        }
        return Collections.enumeration(shown);
    }

    /** The modules' roots, when each required one is found with its {@code reference.conf}. */
    private static Optional<List<URL>> roots(ClassLoader parent) {
        List<URL> roots = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (String module : MODULES) {
            Optional<URL> root = rootOf(module, parent);
            Optional<String> reference = root.flatMap(r -> inside(r, REFERENCE));
            if (reference.isEmpty()) {
                return Optional.empty();
            }
            roots.add(root.get());
            references.add(reference.get());
        }
        for (String module : OPTIONAL_MODULES) {
            rootOf(module, parent).ifPresent(roots::add);
        }
        try {
            List<String> present = new ArrayList<>();
            for (URL url : Collections.list(parent.getResources(REFERENCE))) {
                present.add(url.toString());
            }
            return present.containsAll(references) ? Optional.of(List.copyOf(roots)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The jar or class folder {@code className} is loaded from. */
    private static Optional<URL> rootOf(String className, ClassLoader parent) {
        try {
            CodeSource source = Class.forName(className, false, parent).getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.ofNullable(source.getLocation());
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The address of the resource {@code name} in {@code root}, as the parent names it: in a jar or a class folder. */
    private static Optional<String> inside(URL root, String name) {
        try {
            if (root.toString().endsWith("/")) {
                return Optional.of(new URL(root, name).toString());
            }
            return Optional.of("jar:" + root + "!/" + name);
        } catch (MalformedURLException e) {
            return Optional.empty();
        }
    }
}
