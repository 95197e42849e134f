package io.flotilla.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the example scenarios (under {@code flotilla.home}, set by the launcher) and their descriptions. */
public final class ExampleFiles {

    private ExampleFiles() {}

    public static Path directory() {
        return Path.of(System.getProperty("flotilla.home", ".")).toAbsolutePath().normalize()
                .resolve("scenarios").resolve("examples");
    }

    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The file's path as {@code examples} prints it: relative to {@code here} when it lies under it, else absolute. */
    public static String shown(Path file, Path here) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    /** The {@code description:} line of the file, or its first comment line. */
    public static String description(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
            if (line.startsWith("description:")) {
                return line.substring("description:".length()).trim().replaceAll("^[\"']|[\"']$", "");
            }
        }
        return lines.stream().filter(l -> l.startsWith("#")).findFirst().map(l -> l.substring(1).trim()).orElse("");
    }
}
