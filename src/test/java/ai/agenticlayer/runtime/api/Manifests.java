package ai.agenticlayer.runtime.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Reads the YAML manifests of the repository as JSON trees. */
public final class Manifests {

    public static final Path CRDS = Path.of("kubernetes", "crds");
    public static final Path SAMPLES = Path.of("kubernetes", "samples");
    /** Samples of the fields only ours has (README, "Running agents on a platform"); the original cannot run them. */
    public static final Path PLATFORM_SAMPLES = SAMPLES.resolve("platform");
    public static final ObjectMapper YAML = new YAMLMapper();

    private Manifests() {
    }

    /** Every document of every .yaml file of a directory, in file order. */
    public static List<JsonNode> documentsIn(Path directory) {
        List<JsonNode> documents = new ArrayList<>();
        yamlFilesIn(directory).forEach(file -> documents.addAll(documentsOf(file)));
        return documents;
    }

    public static List<Path> yamlFilesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> documentsOf(Path file) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
                if (doc != null && !doc.isEmpty()) {
                    documents.add(doc);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static ObjectNode parse(String yaml) {
        try {
            return (ObjectNode) YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String kindOf(JsonNode document) {
        return document.path("kind").asText();
    }

    public static String describe(JsonNode document) {
        JsonNode metadata = document.path("metadata");
        String namespace = metadata.path("namespace").asText("");
        return kindOf(document) + " " + (namespace.isEmpty() ? "" : namespace + "/") + metadata.path("name").asText();
    }
}
