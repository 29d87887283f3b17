package ai.agenticlayer.runtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.RealApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The chart's admission policies, all turned on, on a real kube-apiserver: kube-controller-manager type-checks them
 * against the CRDs' schemas and finds nothing to warn about, and the API server itself denies the samples that break
 * them, with the policies' messages.
 */
class AdmissionPoliciesIT {

    private static final Map<String, Object> ALL_ON = Map.of("policies.requireAiGateway", true, "policies.requireToolRoutes", true,
            "policies.allowedRegistries[0]", "ghcr.io/agentic-layer", "policies.allowedRegistries[1]", "registry.example.com:5000/agents/");

    private static RealApiServer apiServer;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        apiServer = RealApiServer.withCrds("admission-policies").withControllerManager();
        client = apiServer.adminClient();
        for (JsonNode document : Packaging.documents(Packaging.renderChart(ALL_ON))) {
            String kind = Manifests.kindOf(document);
            if (kind.startsWith("ValidatingAdmissionPolicy")) {
                client.resource(Cluster.parse(document.toString())).serverSideApply();
            }
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        apiServer.close();
    }

    @Test
    void everyPolicyTypeChecksCleanAgainstTheCrds() {
        List<GenericKubernetesResource> policies = client.genericKubernetesResources("admissionregistration.k8s.io/v1",
                "ValidatingAdmissionPolicy").list().getItems();
        assertThat(policies).hasSize(4);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (GenericKubernetesResource policy : client.genericKubernetesResources("admissionregistration.k8s.io/v1",
                    "ValidatingAdmissionPolicy").list().getItems()) {
                Map<String, Object> status = policy.get("status");
                assertThat(status).as(policy.getMetadata().getName() + " has been type-checked").isNotNull().containsKey("typeChecking");
                assertThat(String.valueOf(status.get("typeChecking"))).as(policy.getMetadata().getName()).isEqualTo("{}");
            }
        });
    }

    @Test
    void theApiServerDeniesTheSamplesThatBreakAPolicyWithItsMessage() {
        // each policy reaches the API server's admission through its own informer, some time after it was applied
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(this::samplesAreDeniedByEveryPolicy);
    }

    private void samplesAreDeniedByEveryPolicy() {
        Map<String, String> denied = new TreeMap<>();
        for (JsonNode sample : Manifests.documentsIn(Manifests.SAMPLES)) {
            var object = Cluster.parse(sample.toString());
            KubernetesClientException denial = catchThrowableOfType(KubernetesClientException.class,
                    () -> client.resource(object).dryRun().serverSideApply());
            if (Manifests.kindOf(sample).equals("Namespace")) {
                client.resource(object).serverSideApply();
            }
            if (denial != null) {
                assertThat(denial.getCode()).as(denial.getMessage()).isEqualTo(422);
                denied.put(Manifests.kindOf(sample) + " " + object.getMetadata().getName(), denial.getStatus().getMessage());
            }
        }
        String registries = " is from none of the allowed registries: ghcr.io/agentic-layer, registry.example.com:5000/agents/";
        assertThat(denied).containsOnlyKeys("Agent summarizer", "Agent archive-agent", "Agent researcher", "Agent news-agent",
                "ToolServer news-fetcher", "ToolServer weather");
        assertThat(denied.get("Agent summarizer")).contains("spec.aiGatewayRef is required: every Agent reaches its models through an AiGateway");
        assertThat(denied.get("Agent news-agent"))
                .contains("every tool must go through a ToolRoute (spec.tools[].upstream.toolRouteRef); these do not: weather, web_search");
        assertThat(denied.get("ToolServer news-fetcher")).contains("spec.image ghcr.io/example/news-fetcher-mcp:1.4.2" + registries);
        assertThat(denied.get("ToolServer weather")).contains("spec.image ghcr.io/example/weather-mcp:0.9.0" + registries);
    }
}
