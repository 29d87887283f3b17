package ai.agenticlayer.runtime.packaging;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.create;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.testing.ApplyingCrudDispatcher;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.StandaloneApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The RBAC the operator ships is exactly what it uses. The packaged jar (prod profile, leader election on) reconciles
 * every sample and the failure paths (a foreign child in the way, a conflicting configuration, an edited Agent); each
 * request it sends must be allowed by the shipped rules, and each rule's verb must have been needed by some request.
 * The test's own requests go to another host name, so that only the operator's are checked.
 */
class PackagedRbacIT {

    private static final String OPERATOR_NAMESPACE = "agent-runtime-operator-system";
    private static final String OPERATOR_HOST = "127.0.0.1";

    /**
     * Granted but not visible at the mock: with the API server's OwnerReferencesPermissionEnforcement admission (on in
     * OpenShift), setting blockOwnerDeletion on a child's owner reference needs update on the owner's finalizers.
     */
    private static final Set<String> NEEDED_BUT_NOT_OBSERVABLE = Set.of(
            "runtime.agentic-layer.ai agents/finalizers update", "runtime.agentic-layer.ai toolservers/finalizers update");

    @Test
    void everyRequestIsAllowedAndEveryGrantIsUsed() {
        Map<String, String> fastLease = Map.of("agent-runtime.leader-election.lease-duration", "4s",
                "agent-runtime.leader-election.renew-deadline", "3s", "agent-runtime.leader-election.retry-period", "1s");
        try (StandaloneApiServer apiServer = StandaloneApiServer.withCrds(); KubernetesClient client = apiServer.client();
                PackagedOperator operator = PackagedOperator.start("rbac", apiServer.url(OPERATOR_HOST), fastLease, Map.of())) {
            for (JsonNode sample : Manifests.documentsIn(Manifests.SAMPLES)) {
                create(client, sample.toString());
            }
            awaitEverySampleReconciled(client);
            exerciseFailurePaths(client);
            // a lease renewal (update) happens every retry period
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);

            List<ApplyingCrudDispatcher.Request> requests = apiServer.dispatcher().requests().stream()
                    .filter(r -> r.host().startsWith(OPERATOR_HOST + ":")).toList();
            assertThat(requests).isNotEmpty();
            ShippedRbac rbac = ShippedRbac.load();
            Set<String> used = new TreeSet<>();
            List<String> denied = new ArrayList<>();
            for (ApplyingCrudDispatcher.Request request : requests) {
                for (ApiRequest.Permission needed : ApiRequest.permissionsFor(request)) {
                    if (ShippedRbac.ALWAYS_ALLOWED.contains(needed.resource())) {
                        continue;
                    }
                    String grant = rbac.grantFor(needed, OPERATOR_NAMESPACE);
                    if (grant == null) {
                        denied.add(needed + " for " + request.method() + " " + request.path());
                    } else {
                        used.add(grant);
                    }
                }
            }
            assertThat(denied).as("requests the shipped RBAC would deny").isEmpty();
            Set<String> unused = new TreeSet<>(rbac.grants());
            unused.removeAll(used);
            unused.removeAll(NEEDED_BUT_NOT_OBSERVABLE);
            // read access is granted as get, list, watch: a get reveals nothing that a list does not
            unused.removeIf(grant -> grant.endsWith(" get") && used.contains(grant.replaceFirst(" get$", " list")));
            assertThat(unused).as("granted but never used").isEmpty();
        }
    }

    private static void awaitEverySampleReconciled(KubernetesClient client) {
        for (JsonNode sample : Manifests.documentsIn(Manifests.SAMPLES)) {
            String kind = Manifests.kindOf(sample);
            String namespace = sample.path("metadata").path("namespace").asText();
            String name = sample.path("metadata").path("name").asText();
            switch (kind) {
                case "Agent" -> awaitUntil(client, Agent.class, namespace, name, a -> a.getStatus() != null && a.getStatus().getUrl() != null);
                case "ToolServer" -> awaitUntil(client, ToolServer.class, namespace, name,
                        t -> hasCondition(t.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
                case "AgenticWorkforce" -> awaitUntil(client, AgenticWorkforce.class, namespace, name, w -> w.getStatus() != null);
                case "AgentRuntimeConfiguration" -> awaitUntil(client, AgentRuntimeConfiguration.class, namespace, name,
                        c -> hasCondition(c.getStatus(), "Accepted", ConditionStatus.TRUE, "Accepted"));
                default -> {
                }
            }
        }
    }

    /** The paths that need more than the happy path: reading a child that is in the way, Warning Events, updates. */
    private static void exerciseFailurePaths(KubernetesClient client) {
        create(client, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: squatter, namespace: newsroom}
                spec:
                  selector: {matchLabels: {app: squatter}}
                  template:
                    metadata: {labels: {app: squatter}}
                    spec: {containers: [{name: main, image: 'nginx:1.27'}]}
                """);
        Cluster.createAgent(client, "newsroom", "squatter", "{}");
        awaitUntil(client, Agent.class, "newsroom", "squatter", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "ResourceConflict"));

        create(client, """
                apiVersion: v1
                kind: Service
                metadata: {name: squatted-tools, namespace: newsroom}
                spec: {ports: [{port: 80}]}
                """);
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: squatted-tools, namespace: newsroom}
                spec: {image: 'mcp/filesystem:1.0'}
                """);
        awaitUntil(client, ToolServer.class, "newsroom", "squatted-tools",
                t -> hasCondition(t.getStatus(), "Ready", ConditionStatus.FALSE, "ResourceConflict"));

        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgentRuntimeConfiguration
                metadata: {name: second, namespace: research}
                spec: {defaultFramework: google-adk}
                """);
        awaitUntil(client, AgentRuntimeConfiguration.class, "research", "second",
                c -> hasCondition(c.getStatus(), "Accepted", ConditionStatus.FALSE, "Conflicting"));

        Cluster.edit(client, Agent.class, "newsroom", "summarizer", agent -> agent.getSpec().setReplicas(2));
        awaitUntil(client, io.fabric8.kubernetes.api.model.apps.Deployment.class, "newsroom", "summarizer",
                d -> Integer.valueOf(2).equals(d.getSpec().getReplicas()));
    }
}
