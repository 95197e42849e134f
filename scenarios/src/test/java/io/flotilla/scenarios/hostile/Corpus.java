package io.flotilla.scenarios.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The scenarios a campaign starts from: the shipped examples and the test files that use every key. */
final class Corpus {

    private static List<String> texts;

    private Corpus() {}

    /** The repository root, found from the module directory the tests run in. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/scenario.schema.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/scenario.schema.json not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static synchronized List<String> texts() {
        if (texts == null) {
            Path root = root();
            texts = Stream.concat(yamlIn(root.resolve("scenarios/examples")),
                            Stream.of("contract.yaml", "contract-data-plane.yaml", "full.yaml", "full-data-plane.yaml")
                                    .map(f -> root.resolve("scenarios/src/test/resources/scenarios").resolve(f)))
                    .map(Corpus::read)
                    .toList();
        }
        return texts;
    }

    private static Stream<Path> yamlIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
