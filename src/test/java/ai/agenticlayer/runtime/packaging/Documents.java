package ai.agenticlayer.runtime.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The documents users read: README.md, BENCHMARKS.md and every page of docs/. */
final class Documents {

    static final Path README = Path.of("README.md");

    private Documents() {
    }

    static List<Path> all() {
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            return Stream.concat(Stream.of(README, Path.of("BENCHMARKS.md")), docs.filter(file -> file.toString().endsWith(".md")).sorted())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text; empty when it does not exist (yet). */
    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
