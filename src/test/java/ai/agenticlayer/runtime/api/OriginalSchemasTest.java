package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.differential.Original;

/**
 * Our CRDs against the original operator's, tree by tree: where ours accepts, requires, defaults or merges anything
 * differently, the difference is listed in docs/api-decisions.md ("Schema differences from the original"), and a
 * listed difference that no longer occurs fails too. Descriptions and the order of enum values are not compared.
 */
class OriginalSchemasTest {

    private static final Path DECISIONS = ApiDecisions.FILE;
    private static final String SECTION = "## Schema differences from the original";
    /** A listed difference: {@code - `Kind` `field` `difference`: why}; the kind may be {@code *}, the root is {@code .}. */
    private static final Pattern LISTED = Pattern.compile("^- (`[^`]+` `[^`]*` `[^`]+`):");
    private static final List<String> COMPARED = List.of("type", "format", "pattern", "minLength", "maxLength",
            "minItems", "maxItems", "minProperties", "maxProperties", "minimum", "maximum", "default", "nullable",
            "x-kubernetes-int-or-string", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
            "x-kubernetes-map-type", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource");
    /** The API server handles these at the root of every kind; the generator leaves them out. */
    private static final Set<String> IMPLICIT_AT_ROOT = Set.of("apiVersion", "kind", "metadata");

    @Test
    void everyDifferenceFromTheOriginalsSchemasIsListedWithItsReason() throws IOException {
        Set<String> found = differences();
        Set<String> listed = ApiDecisions.listed(SECTION, LISTED);
        Set<String> unlisted = found.stream().filter(d -> !listed.contains(d) && !listed.contains(anyKind(d)))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> stale = listed.stream()
                .filter(d -> d.startsWith("`*` ") ? found.stream().noneMatch(f -> anyKind(f).equals(d)) : !found.contains(d))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unlisted).as("differences from the original's CRDs not listed in %s under \"%s\"", DECISIONS,
                SECTION).isEmpty();
        assertThat(stale).as("differences listed in %s that no longer occur", DECISIONS).isEmpty();
    }

    @Test
    void noFieldTheOriginalAcceptsIsPrunedByOurs() throws IOException {
        assertThat(differences()).filteredOn(d -> d.endsWith("`not in ours`")).isEmpty();
    }

    /** Every difference of our CRDs from the original's, in the form {@link #difference} writes them. */
    private static Set<String> differences() throws IOException {
        Set<String> found = new TreeSet<>();
        for (Path file : Manifests.yamlFilesIn(Original.CRDS)) {
            JsonNode original = Manifests.YAML.readTree(file.toFile());
            String kind = original.at("/spec/names/kind").asText();
            JsonNode ours = Crds.BY_KIND.get(kind);
            assertThat(ours).as("our CRD for %s", kind).isNotNull();
            compare(kind, "", schema(original), schema(ours), found);
        }
        return found;
    }

    private static JsonNode schema(JsonNode crd) {
        return crd.at("/spec/versions/0/schema/openAPIV3Schema");
    }

    /** One difference, as listed: kind, field and difference, each in backticks. */
    private static String difference(String kind, String path, String what) {
        return "`" + kind + "` `" + (path.isEmpty() ? "." : path.substring(1)) + "` `" + what + "`";
    }

    private static String anyKind(String difference) {
        return "`*`" + difference.substring(difference.indexOf(' '));
    }

    private static void compare(String kind, String path, JsonNode original, JsonNode ours, Set<String> found) {
        if (ours == null || ours.isMissingNode()) {
            found.add(difference(kind, path, "not in ours"));
            return;
        }
        for (String keyword : COMPARED) {
            JsonNode a = original.get(keyword);
            JsonNode b = ours.get(keyword);
            boolean same = a == null ? b == null : b != null && (a.equals(b) || a.isNumber() && b.isNumber()
                    && a.decimalValue().compareTo(b.decimalValue()) == 0);
            if (!same) {
                found.add(difference(kind, path, keyword + ": " + (a == null ? "none" : a) + " -> "
                        + (b == null ? "none" : b)));
            }
        }
        Set<String> originalEnum = texts(original.get("enum"));
        Set<String> ourEnum = texts(ours.get("enum"));
        if (!originalEnum.equals(ourEnum)) {
            found.add(difference(kind, path, "enum: " + originalEnum + " -> " + ourEnum));
        }
        Set<String> originalRequired = texts(original.get("required"));
        Set<String> ourRequired = texts(ours.get("required"));
        originalRequired.stream().filter(r -> !ourRequired.contains(r))
                .forEach(r -> found.add(difference(kind, path + "." + r, "not required")));
        ourRequired.stream().filter(r -> !originalRequired.contains(r))
                .forEach(r -> found.add(difference(kind, path + "." + r, "required")));
        Set<String> originalRules = rules(original);
        Set<String> ourRules = rules(ours);
        ourRules.stream().filter(r -> !originalRules.contains(r))
                .forEach(r -> found.add(difference(kind, path, "rule: " + r)));
        originalRules.stream().filter(r -> !ourRules.contains(r))
                .forEach(r -> found.add(difference(kind, path, "no rule: " + r)));
        if (original.has("anyOf") && !original.get("anyOf").equals(ours.get("anyOf"))) {
            found.add(difference(kind, path, "anyOf"));
        }

        JsonNode ourProperties = ours.path("properties");
        for (Iterator<String> names = original.path("properties").fieldNames(); names.hasNext();) {
            String name = names.next();
            if (path.isEmpty() && IMPLICIT_AT_ROOT.contains(name)) {
                continue;
            }
            compare(kind, path + "." + name, original.get("properties").get(name), ourProperties.get(name), found);
        }
        for (Iterator<String> names = ourProperties.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!original.path("properties").has(name)) {
                found.add(difference(kind, path + "." + name, "added"));
            }
        }
        if (original.has("items")) {
            compare(kind, path + "[]", original.get("items"), ours.get("items"), found);
        }
        if (original.path("additionalProperties").isObject()) {
            compare(kind, path + "{}", original.get("additionalProperties"), ours.get("additionalProperties"), found);
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        if (array != null) {
            array.forEach(value -> texts.add(value.asText()));
        }
        return texts;
    }

    /** CEL rules by their message, which says what they check more briefly than the rule. */
    private static Set<String> rules(JsonNode schema) {
        Set<String> rules = new TreeSet<>();
        schema.path("x-kubernetes-validations").forEach(rule -> rules.add(rule.path("message").asText(
                rule.path("rule").asText())));
        return rules;
    }

}
