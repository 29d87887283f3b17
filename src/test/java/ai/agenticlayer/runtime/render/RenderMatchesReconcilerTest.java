package ai.agenticlayer.runtime.render;

import static ai.agenticlayer.runtime.testing.Cluster.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code render} of the samples prints what the reconciler writes for the same samples: the same Deployments and
 * Services, field by field, and the same statuses (condition times aside). Its own profile gives it an empty API server.
 */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
@TestProfile(RenderMatchesReconcilerTest.OwnApiServer.class)
class RenderMatchesReconcilerTest {

    public static class OwnApiServer implements QuarkusTestProfile {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KubernetesClient client;

    @Test
    void renderOfTheSamplesIsWhatTheReconcilerWrites() throws Exception {
        List<JsonNode> rendered = render("kubernetes/samples");
        assertThat(rendered).extracting(o -> o.path("kind").asText())
                .contains("Deployment", "Service", "Agent", "ToolServer", "AgenticWorkforce", "AgentRuntimeConfiguration");

        // render reads kubernetes/samples with its subdirectories; here namespaces and configurations come first, as
        // render sees them all at once (an Agent reconciled before its configuration would be applied twice)
        List<JsonNode> samples = new ArrayList<>(Manifests.documentsIn(Manifests.SAMPLES));
        samples.addAll(Manifests.documentsIn(Manifests.PLATFORM_SAMPLES));
        samples.sort(Comparator.comparing(sample -> !List.of("Namespace", "AgentRuntimeConfiguration").contains(Manifests.kindOf(sample))));
        for (JsonNode sample : samples) {
            create(client, sample.toString());
        }
        for (JsonNode object : rendered) {
            String description = Manifests.describe(object);
            // the operator converges: wait until what it wrote equals what render printed, then it must stay so
            await().atMost(Cluster.TIMEOUT).untilAsserted(() -> assertThat(comparable(live(object))).as(description)
                    .isEqualTo(comparable(object)));
        }
        // nothing more than render printed: every Deployment and Service the operator created was rendered
        List<String> renderedChildren = rendered.stream().filter(o -> List.of("Deployment", "Service").contains(o.path("kind").asText()))
                .map(Manifests::describe).sorted().toList();
        List<String> liveChildren = new ArrayList<>();
        client.apps().deployments().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "agent-runtime-operator").list()
                .getItems().forEach(d -> liveChildren.add(Manifests.describe(JSON.valueToTree(d))));
        client.services().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "agent-runtime-operator").list()
                .getItems().forEach(s -> liveChildren.add(Manifests.describe(JSON.valueToTree(s))));
        assertThat(liveChildren.stream().sorted().toList()).isEqualTo(renderedChildren);
    }

    private JsonNode live(JsonNode rendered) throws Exception {
        String apiVersion = rendered.path("apiVersion").asText();
        String kind = rendered.path("kind").asText();
        GenericKubernetesResource live = client.genericKubernetesResources(apiVersion, kind)
                .inNamespace(rendered.path("metadata").path("namespace").asText())
                .withName(rendered.path("metadata").path("name").asText()).get();
        if (live == null) {
            return JSON.nullNode();
        }
        JsonNode stored = JSON.readTree(Serialization.asJson(live));
        // the mock applies no CRD defaults; a real API server stores them, and render prints them
        return apiVersion.equals(ApiKinds.API_VERSION) ? ApiKinds.validator(kind).applyDefaults(stored) : stored;
    }

    /** What render can know: no server-set metadata, no owner uid, no condition times. */
    private static JsonNode comparable(JsonNode object) {
        if (!object.isObject()) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        ObjectNode metadata = (ObjectNode) copy.path("metadata");
        metadata.remove(List.of("uid", "resourceVersion", "creationTimestamp", "generation", "managedFields"));
        metadata.path("ownerReferences").forEach(reference -> ((ObjectNode) reference).remove("uid"));
        copy.path("status").path("conditions").forEach(condition -> ((ObjectNode) condition).remove("lastTransitionTime"));
        if (copy.path("status") instanceof ObjectNode status && status.isEmpty()) {
            copy.remove("status");
        }
        return copy;
    }

    private static List<JsonNode> render(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RenderCommand.run(List.of(args), new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return Manifests.YAML.readValues(Manifests.YAML.createParser(out.toString(StandardCharsets.UTF_8)), JsonNode.class).readAll();
    }
}
