package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.RealApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The CRDs on a real kube-apiserver: it accepts them (its CEL cost estimate included), accepts every sample, and
 * rejects every case of {@link InvalidObjectsTest} at {@code kubectl apply} with the message users will read there.
 * The offline validators of the unit tier word schema errors their own way; the server's wording is checked here.
 */
class ServerValidationIT {

    private static RealApiServer apiServer;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        apiServer = RealApiServer.withCrds("server-validation");
        client = apiServer.adminClient();
        for (String namespace : List.of("newsroom", "agent-runtime-operator-system", "agent-gateway", "ai-gateway", "tool-gateway")) {
            Cluster.namespace(client, namespace);
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        apiServer.close();
    }

    @Test
    void everyCrdIsEstablishedAndEverySampleAccepted() {
        List<CustomResourceDefinition> crds = client.apiextensions().v1().customResourceDefinitions().list().getItems();
        assertThat(crds).hasSize(13).allSatisfy(crd -> assertThat(crd.getStatus().getConditions())
                .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Established=True")));
        List<JsonNode> samples = new ArrayList<>(Manifests.documentsIn(Manifests.SAMPLES));
        samples.addAll(Manifests.documentsIn(Manifests.PLATFORM_SAMPLES));
        for (JsonNode sample : samples) {
            var object = Cluster.parse(sample.toString());
            if (Manifests.kindOf(sample).equals("Namespace")) {
                client.resource(object).serverSideApply(); // what the namespaced samples are checked in
            } else {
                client.resource(object).dryRun().serverSideApply();
            }
        }
    }

    @Test
    void podFieldsOfCurrentKubernetesAreKeptEvenForClientsThatDoNotAskForStrictValidation() {
        JsonNode agent = Manifests.parse("""
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: newer-pod-fields, namespace: newsroom}
                spec:
                  env:
                  - name: TOKEN
                    valueFrom: {fileKeyRef: {volumeName: config, path: env, key: TOKEN}}
                  volumes:
                  - name: config
                    emptyDir: {}
                  - name: identity
                    projected:
                      sources:
                      - podCertificate: {signerName: example.com/identity, keyType: ED25519, credentialBundlePath: b.pem}
                """);
        // fabric8 sends no fieldValidation: the server's default (Warn) prunes an unknown field with a warning only
        GenericKubernetesResource stored = client.resource(resource(agent)).create();

        JsonNode spec = Serialization.jsonMapper().valueToTree(stored.getAdditionalProperties().get("spec"));
        assertThat(spec.at("/env/0/valueFrom/fileKeyRef/key").asText()).isEqualTo("TOKEN");
        assertThat(spec.at("/volumes/1/projected/sources/0/podCertificate/signerName").asText())
                .isEqualTo("example.com/identity");
    }

    static Stream<Arguments> invalidObjects() {
        return InvalidObjectsTest.invalidObjects();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidObjects")
    void isRejectedByTheApiServerWithAClearMessage(String description, String kind, JsonNode object, String expectedMessage) {
        client.resource(resource(InvalidObjectsTest.valid(kind))).dryRun().create();

        KubernetesClientException rejection = catchThrowableOfType(KubernetesClientException.class,
                () -> client.resource(resource(object)).dryRun().create());
        assertThat(rejection).as(description + ": accepted by the API server").isNotNull();
        assertThat(rejection.getCode()).isEqualTo(422);
        assertThat(rejection.getStatus().getMessage()).as(description).contains(ServerWording.of(expectedMessage));
    }

    private static GenericKubernetesResource resource(JsonNode object) {
        return Serialization.unmarshal(object.toString(), GenericKubernetesResource.class);
    }
}
