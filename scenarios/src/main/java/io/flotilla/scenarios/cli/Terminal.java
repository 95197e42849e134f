package io.flotilla.scenarios.cli;

import java.util.Map;
import java.util.function.Function;

/**
 * Where the command line writes: whether stdout and stderr are terminals, and whether the user
 * asked for no colour. The launcher tells the JVM which streams are terminals ({@code
 * -Dflotilla.stdout.tty}, {@code -Dflotilla.stderr.tty}: Java cannot ask about stderr); run without
 * it, a stream is a terminal when the JVM has a console.
 *
 * <p>Colour goes to a terminal only, never with {@code NO_COLOR} set to anything (no-color.org) nor
 * with {@code TERM=dumb}; progress goes to stderr only when stderr is a terminal.
 */
record Terminal(boolean stdoutIsTerminal, boolean stderrIsTerminal, boolean noColor) {

    /** Streams that are not terminals: tests, pipes, files. */
    static final Terminal NONE = new Terminal(false, false, true);

    static Terminal detect() {
        return of(System.getenv(), System::getProperty, System.console() != null);
    }

    /** The decision, from the environment, the JVM's properties and whether the JVM has a console. */
    static Terminal of(Map<String, String> env, Function<String, String> properties, boolean console) {
        boolean stdout = isTerminal(properties.apply("flotilla.stdout.tty"), console);
        boolean stderr = isTerminal(properties.apply("flotilla.stderr.tty"), console);
        String noColor = env.get("NO_COLOR");
        boolean plain = (noColor != null && !noColor.isEmpty()) || "dumb".equals(env.get("TERM"));
        return new Terminal(stdout, stderr, plain);
    }

    private static boolean isTerminal(String told, boolean console) {
        return told == null ? console : Boolean.parseBoolean(told);
    }

    /** Colour on stdout. */
    boolean colour() {
        return stdoutIsTerminal && !noColor;
    }

    /** A progress line on stderr. */
    boolean progress() {
        return stderrIsTerminal;
    }
}
