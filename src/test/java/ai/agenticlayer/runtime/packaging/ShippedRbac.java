package ai.agenticlayer.runtime.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;

/**
 * The permissions the chart, install.yaml and the OLM bundle grant (PackagingIT and OlmBundleIT keep them equal): the
 * cluster rules of every controller, and the leader-election rules in the operator's namespace only. Each grant is
 * written {@code "<group> <resource> <verb>"}.
 */
final class ShippedRbac {

    private final Set<String> clusterGrants;
    private final Set<String> operatorNamespaceGrants;

    private ShippedRbac(Set<String> clusterGrants, Set<String> operatorNamespaceGrants) {
        this.clusterGrants = clusterGrants;
        this.operatorNamespaceGrants = operatorNamespaceGrants;
    }

    static ShippedRbac load() {
        Set<String> cluster = new LinkedHashSet<>();
        read(Packaging.CHART_RBAC_RULES).forEach(controllerRules -> grantsOf(controllerRules, cluster));
        Set<String> leaderElection = new LinkedHashSet<>();
        grantsOf(read(Packaging.CHART.resolve("files").resolve("leader-election-rules.yaml")), leaderElection);
        return new ShippedRbac(cluster, leaderElection);
    }

    Set<String> grants() {
        Set<String> all = new LinkedHashSet<>(clusterGrants);
        all.addAll(operatorNamespaceGrants);
        return all;
    }

    private static void grantsOf(JsonNode rules, Set<String> grants) {
        for (JsonNode rule : rules) {
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    for (JsonNode verb : rule.path("verbs")) {
                        grants.add(group.asText() + " " + resource.asText() + " " + verb.asText());
                    }
                }
            }
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Manifests.YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
