package ai.agenticlayer.runtime.packaging;

import static ai.agenticlayer.runtime.packaging.Packaging.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Crds;
import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.api.v1alpha1.ApiGroup;
import ai.agenticlayer.runtime.api.v1alpha1.ApiKinds;

/** The OLM bundle the build writes into target/bundle: the CSV, the CRDs and the bundle metadata. */
class OlmBundleIT {

    private static final Path MANIFESTS = Packaging.BUNDLE.resolve("manifests");
    private static final JsonNode CSV = Manifests.documentsOf(MANIFESTS.resolve("agent-runtime-operator.clusterserviceversion.yaml"))
            .get(0);

    @Test
    void everyCrdOfTheApiIsOwnedDescribedAndBundled() {
        JsonNode owned = CSV.path("spec").path("customresourcedefinitions").path("owned");
        assertThat(owned).hasSize(ApiKinds.ALL.size());
        for (JsonNode crd : Crds.BY_KIND.values()) {
            String name = crd.path("metadata").path("name").asText();
            JsonNode entry = StreamSupport.stream(owned.spliterator(), false).filter(o -> name.equals(o.path("name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " is not owned by the CSV"));
            assertThat(entry.path("kind").asText()).isEqualTo(crd.path("spec").path("names").path("kind").asText());
            assertThat(entry.path("version").asText()).isEqualTo("v1alpha1");
            assertThat(entry.path("displayName").asText()).isNotBlank();
            assertThat(entry.path("description").asText()).isNotBlank();
            assertThat(MANIFESTS.resolve(name + "-v1.crd.yml")).exists();
        }
        JsonNode agent = StreamSupport.stream(owned.spliterator(), false).filter(o -> "Agent".equals(o.path("kind").asText()))
                .findFirst().orElseThrow();
        assertThat(agent.path("specDescriptors")).extracting(d -> d.path("path").asText()).contains("framework", "image", "replicas");
        assertThat(agent.path("statusDescriptors")).extracting(d -> d.path("path").asText()).contains("url", "conditions");
    }

    @Test
    void metadataDescribesTheOperator() {
        JsonNode spec = CSV.path("spec");
        assertThat(spec.path("displayName").asText()).isEqualTo("Agent Runtime Operator");
        assertThat(spec.path("description").asText()).contains("kind: Agent").contains("runtime.agentic-layer.ai");
        assertThat(spec.path("provider").path("name").asText()).isEqualTo("Agentic Layer");
        assertThat(spec.path("maintainers")).isNotEmpty();
        assertThat(spec.path("keywords")).extracting(JsonNode::asText).contains("agents", "llm");
        assertThat(spec.path("links")).isNotEmpty();
        assertThat(spec.path("maturity").asText()).isEqualTo("alpha");
        assertThat(spec.path("minKubeVersion").asText()).isEqualTo("1.30.0");
        assertThat(spec.path("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(CSV.path("metadata").path("annotations").path("capabilities").asText()).isEqualTo("Basic Install");
        Map<String, Boolean> installModes = new java.util.TreeMap<>();
        spec.path("installModes").forEach(m -> installModes.put(m.path("type").asText(), m.path("supported").asBoolean()));
        assertThat(installModes).isEqualTo(Map.of("AllNamespaces", true, "OwnNamespace", true, "SingleNamespace", false,
                "MultiNamespace", false));
    }

    @Test
    void examplesAreTheSamplesAndTheCrdsAcceptThem() throws IOException {
        JsonNode examples = Manifests.YAML.readTree(CSV.path("metadata").path("annotations").path("alm-examples").asText());
        List<JsonNode> samples = Manifests.documentsIn(Manifests.SAMPLES).stream()
                .filter(doc -> ApiGroup.API_VERSION.equals(doc.path("apiVersion").asText())).toList();
        assertThat(examples).containsExactlyElementsOf(samples);
        for (JsonNode example : examples) {
            assertThat(Crds.validatorFor(Manifests.kindOf(example)).validate(example)).as(Manifests.describe(example)).isEmpty();
        }
    }

    @Test
    void permissionsAreTheGeneratedRbac() {
        JsonNode clusterPermissions = CSV.path("spec").path("install").path("spec").path("clusterPermissions");
        assertThat(clusterPermissions).hasSize(1);
        assertThat(clusterPermissions.get(0).path("serviceAccountName").asText()).isEqualTo("agent-runtime-operator");
        Set<JsonNode> expected = new HashSet<>(Packaging.flatten(Packaging.generatedRulesByController().values()));
        assertThat(new HashSet<>(Packaging.flatten(List.of(clusterPermissions.get(0).path("rules"))))).isEqualTo(expected);
        JsonNode permissions = CSV.path("spec").path("install").path("spec").path("permissions");
        assertThat(permissions).hasSize(1);
        assertThat(permissions.get(0).path("serviceAccountName").asText()).isEqualTo("agent-runtime-operator");
        assertThat(permissions.get(0).path("rules")).isEqualTo(Manifests.documentsOf(Packaging.CHART.resolve("files")
                .resolve("leader-election-rules.yaml")).get(0));
    }

    @Test
    void deploymentRunsTheSamePodAsTheHelmChart() {
        JsonNode deployment = CSV.path("spec").path("install").path("spec").path("deployments").get(0).path("spec");
        JsonNode pod = deployment.path("template").path("spec");
        RestrictedProfile.assertMet(pod);
        JsonNode csvContainer = pod.path("containers").get(0);
        JsonNode chartContainer = single(Packaging.documents(Packaging.renderChart(Map.of())), "Deployment")
                .path("spec").path("template").path("spec").path("containers").get(0);
        for (String field : List.of("securityContext", "resources", "livenessProbe", "readinessProbe", "startupProbe", "volumeMounts")) {
            assertThat(csvContainer.path(field)).as(field).isEqualTo(chartContainer.path(field));
        }
        assertThat(csvContainer.path("image").asText()).isEqualTo(chartContainer.path("image").asText());
        assertThat(csvContainer.path("env").toString()).contains("{\"name\":\"POD_NAMESPACE\",\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"metadata.namespace\"}}}");
        assertThat(pod.path("volumes")).isEqualTo(single(Packaging.documents(Packaging.renderChart(Map.of())), "Deployment")
                .path("spec").path("template").path("spec").path("volumes"));
    }

    @Test
    void bundleMetadataNamesTheChannel() throws IOException {
        JsonNode annotations = Manifests.documentsOf(Packaging.BUNDLE.resolve("metadata").resolve("annotations.yaml")).get(0)
                .path("annotations");
        assertThat(annotations.path("operators.operatorframework.io.bundle.package.v1").asText()).isEqualTo("agent-runtime-operator");
        assertThat(annotations.path("operators.operatorframework.io.bundle.channels.v1").asText()).isEqualTo("alpha");
        assertThat(annotations.path("operators.operatorframework.io.bundle.channel.default.v1").asText()).isEqualTo("alpha");
        assertThat(Files.readString(Packaging.BUNDLE.resolve("bundle.Dockerfile"))).contains("FROM scratch")
                .contains("COPY manifests /manifests/").contains("COPY metadata /metadata/");
    }
}
