package ai.agenticlayer.runtime.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads Kubernetes objects from YAML or JSON: a file, every {@code .yaml}/{@code .yml}/{@code .json} file under a
 * directory (sorted, recursively), or standard input ({@code -}). {@code kind: List} documents are expanded.
 */
final class ManifestReader {

    /** An object and where it was read from, for messages. */
    record Document(String source, int index, JsonNode content) {
        String where() {
            return source + " (document " + index + ")";
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ManifestReader() {
    }

    static List<Document> read(List<String> paths, InputStream stdin) {
        List<Document> documents = new ArrayList<>();
        for (String path : paths) {
            if (path.equals("-")) {
                documents.addAll(parse("<stdin>", readAll(stdin)));
                continue;
            }
            Path file = Path.of(path);
            if (!Files.exists(file)) {
                throw new InvalidInputException(path + ": no such file or directory");
            }
            for (Path manifest : manifestsUnder(file)) {
                documents.addAll(parse(manifest.toString(), readAll(manifest)));
            }
        }
        return documents;
    }

    private static List<Path> manifestsUnder(Path file) {
        if (!Files.isDirectory(file)) {
            return List.of(file);
        }
        try (Stream<Path> files = Files.walk(file)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml") || f.toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
    }

    static List<Document> parse(String source, String text) {
        List<Document> documents = new ArrayList<>();
        int index = 0;
        try (MappingIterator<JsonNode> values = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                index++;
                if (value == null || value.isNull() || value.isMissingNode()) {
                    continue;
                }
                if (!value.isObject()) {
                    throw new InvalidInputException(source + " (document " + index + "): not a Kubernetes object");
                }
                if ("List".equals(value.path("kind").asText()) && value.path("items").isArray()) {
                    for (JsonNode item : value.path("items")) {
                        documents.add(new Document(source, index, item));
                    }
                } else {
                    documents.add(new Document(source, index, value));
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source + ": invalid YAML" + (e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("<stdin>: " + e.getMessage());
        }
    }

    private static String readAll(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
    }
}
