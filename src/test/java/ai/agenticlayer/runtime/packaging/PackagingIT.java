package ai.agenticlayer.runtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import ai.agenticlayer.runtime.api.Manifests;

/**
 * Everything a user installs from comes from the build: the chart's CRDs and RBAC rules, kubernetes/install.yaml
 * (the chart rendered with its defaults) and kubernetes/policies (the chart's admission policies, one file each).
 * Runs after {@code package}; {@code ./mvnw verify -DupdateManifests=true} rewrites the committed copies.
 */
@TestMethodOrder(MethodOrderer.MethodName.class) // with -DupdateManifests, the chart's files are written before it is rendered
class PackagingIT {

    private static final boolean UPDATE = Boolean.getBoolean("updateManifests");
    private static final String REFRESH = "; run ./mvnw verify -DupdateManifests=true and commit the result";

    @Test
    void chartCrdsAreTheGeneratedCrds() throws IOException {
        assertDirectoryHolds(Packaging.CHART_CRDS, contents(Manifests.yamlFilesIn(Manifests.CRDS)),
                "helm chart crds/ differ from kubernetes/crds");
    }

    @Test
    void chartRbacRulesAreTheGeneratedRules() throws IOException {
        String expected = "# Written by the build from the reconcilers (PackagingIT); do not edit.\n"
                + Manifests.YAML.writeValueAsString(Packaging.generatedRulesByController()).replaceFirst("^---\n", "");
        if (UPDATE) {
            Files.createDirectories(Packaging.CHART_RBAC_RULES.getParent());
            Files.writeString(Packaging.CHART_RBAC_RULES, expected);
        }
        assertThat(Files.readString(Packaging.CHART_RBAC_RULES)).as(Packaging.CHART_RBAC_RULES + " differs from the generated RBAC" + REFRESH)
                .isEqualTo(expected);
    }

    @Test
    void installYamlIsTheChartRenderedWithItsDefaults() throws IOException {
        String expected = """
                # The Agent Runtime Operator, for kubectl apply: the Helm chart in helm/agent-runtime-operator rendered
                # with its default values into namespace agent-runtime-operator-system. Install the CRDs first:
                #   kubectl apply --server-side -f kubernetes/crds/
                #   kubectl apply -f kubernetes/install.yaml
                # Written by the build (PackagingIT); do not edit.
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: agent-runtime-operator-system
                  labels:
                    pod-security.kubernetes.io/enforce: restricted
                """ + Packaging.renderChart(Map.of());
        if (UPDATE) {
            Files.writeString(Packaging.INSTALL, expected);
        }
        assertThat(Files.readString(Packaging.INSTALL)).as("kubernetes/install.yaml differs from the rendered chart" + REFRESH)
                .isEqualTo(expected);
    }

    @Test
    void policiesAreTheChartsPoliciesOneFileEach() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        expected.put("require-ai-gateway.yaml", policyFile("policies.requireAiGateway", true,
                "Every Agent names its AiGateway (spec.aiGatewayRef)."));
        expected.put("require-tool-routes.yaml", policyFile("policies.requireToolRoutes", true,
                "Every tool of an Agent goes through a ToolRoute (spec.tools[].upstream.toolRouteRef)."));
        expected.put("allowed-registries.yaml", policyFile("policies.allowedRegistries[0]", "ghcr.io/agentic-layer",
                "Agent and ToolServer images and the\n# template images of AgentRuntimeConfigurations come from listed registries. "
                        + "It lists only ghcr.io/agentic-layer:\n# apply a copy with your own list in both allowedRegistries variables."));
        assertDirectoryHolds(Packaging.POLICIES, expected, "kubernetes/policies differ from the chart's policies");
    }

    /** The policy and binding that one chart value turns on, with a header saying what they enforce. */
    private static String policyFile(String value, Object setting, String enforces) {
        String policy = Arrays.stream(Packaging.renderChart(Map.of(value, setting)).split("(?m)^---\n"))
                .filter(document -> document.startsWith("# Source: agent-runtime-operator/templates/policies.yaml"))
                .map(document -> "---\n" + document).collect(Collectors.joining());
        return "# Admission policy (Kubernetes 1.30+, docs/policies.md): " + enforces + "\n"
                + "# For kubectl apply; the Helm chart renders the same with --set " + value + "=" + setting + ".\n"
                + "# Written by the build (PackagingIT); do not edit.\n" + policy;
    }

    /** The YAML files of a committed directory are exactly these (rewritten first with -DupdateManifests). */
    private static void assertDirectoryHolds(Path directory, Map<String, String> expected, String differ) throws IOException {
        if (UPDATE) {
            Files.createDirectories(directory);
            for (Path stale : Manifests.yamlFilesIn(directory)) {
                Files.delete(stale);
            }
            for (Map.Entry<String, String> file : expected.entrySet()) {
                Files.writeString(directory.resolve(file.getKey()), file.getValue());
            }
        }
        assertThat(contents(Manifests.yamlFilesIn(directory))).as(differ + REFRESH).isEqualTo(expected);
    }

    private static Map<String, String> contents(List<Path> files) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        for (Path file : new ArrayList<>(files)) {
            contents.put(file.getFileName().toString(), Files.readString(file));
        }
        return contents;
    }
}
