package ai.agenticlayer.runtime.toolserver;

import static ai.agenticlayer.runtime.testing.Cluster.awaitExists;
import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.condition;
import static ai.agenticlayer.runtime.testing.Cluster.create;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static ai.agenticlayer.runtime.testing.Cluster.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.testing.ApplyingCrudDispatcher;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** ToolServers against the mock API server: children, status, ownership, and the Agents that use them. */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
class ToolServerReconcileTest {

    @Inject
    KubernetesClient client;

    private ToolServer readyToolServer(String namespace, String name, String spec) {
        create(client, "apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: ToolServer\nmetadata: {name: " + name
                + ", namespace: " + namespace + "}\nspec: " + spec);
        return awaitUntil(client, ToolServer.class, namespace, name,
                t -> hasCondition(t.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
    }

    @Test
    void httpToolServerBecomesADeploymentAServiceAndAUrl() {
        int start = Cluster.mark();
        ToolServer server = readyToolServer("mcp-http", "context7", "{image: 'mcp/context7:latest', env: [{name: LOGLEVEL, value: INFO}]}");

        assertThat(server.getStatus().getUrl()).isEqualTo("http://context7.mcp-http.svc.cluster.local:8080/mcp");
        assertThat(server.getStatus().getObservedGeneration()).isEqualTo(server.getMetadata().getGeneration());
        assertThat(condition(server.getStatus(), "Ready").orElseThrow().getMessage()).isEqualTo("ToolServer is ready");
        assertThat(condition(server.getStatus(), "Available").orElseThrow().getStatus()).isEqualTo(ConditionStatus.UNKNOWN);

        Deployment deployment = awaitExists(client, Deployment.class, "mcp-http", "context7");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("ToolServer");
            assertThat(owner.getUid()).isEqualTo(server.getMetadata().getUid());
            assertThat(owner.getController()).isTrue();
        });
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()).extracting(EnvVar::getName)
                .containsExactly("LOGLEVEL", "OTEL_SEMCONV_STABILITY_OPT_IN", "OTEL_SERVICE_NAME");
        Service service = awaitExists(client, Service.class, "mcp-http", "context7");
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getName()).isEqualTo("toolserver"));

        List<ApplyingCrudDispatcher.Request> writes = Cluster.writesSince(start, "/namespaces/mcp-http/").stream()
                .filter(r -> !r.path().contains("/events")).toList();
        assertThat(writes).extracting(r -> r.method() + " " + r.path().replaceAll("\\?.*", "")).containsExactlyInAnyOrder(
                "POST /apis/runtime.agentic-layer.ai/v1alpha1/namespaces/mcp-http/toolservers",
                "PATCH /apis/apps/v1/namespaces/mcp-http/deployments/context7",
                "PATCH /api/v1/namespaces/mcp-http/services/context7",
                "PATCH /apis/runtime.agentic-layer.ai/v1alpha1/namespaces/mcp-http/toolservers/context7/status");
        await().atMost(Cluster.TIMEOUT).untilAsserted(() -> assertThat(events("mcp-http", "context7"))
                .extracting(Event::getType, Event::getReason, Event::getNote)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Normal", "Created", "Deployment context7 created, Service context7 created")));
    }

    @Test
    void unchangedToolServerIsNotWrittenAndAScaledDeploymentKeepsItsReplicas() {
        readyToolServer("mcp-steady", "steady", "{image: x, transportType: sse}");
        awaitExists(client, Service.class, "mcp-steady", "steady");
        settle();

        int before = Cluster.mark();
        client.apps().deployments().inNamespace("mcp-steady").withName("steady")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":4}}");
        settle();

        assertThat(Cluster.writesSince(before, "/namespaces/mcp-steady/")).extracting(ApplyingCrudDispatcher.Request::path)
                .as("the scale, then the status reporting it; the Deployment is not written back")
                .containsExactly("/apis/apps/v1/namespaces/mcp-steady/deployments/steady",
                        "/apis/runtime.agentic-layer.ai/v1alpha1/namespaces/mcp-steady/toolservers/steady/status?fieldManager=toolserver&force=true");
        assertThat(client.apps().deployments().inNamespace("mcp-steady").withName("steady").get().getSpec().getReplicas()).isEqualTo(4);
        assertThat(client.resources(ToolServer.class).inNamespace("mcp-steady").withName("steady").get().getStatus().getPods())
                .isEqualTo("0/4");
    }

    @Test
    void foreignServiceOfTheSameNameIsReportedAndLeftAlone() {
        create(client, """
                apiVersion: v1
                kind: Service
                metadata: {name: occupied, namespace: mcp-conflict, labels: {owner: legacy}}
                spec: {selector: {legacy: "true"}, ports: [{name: http, port: 80}]}
                """);
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: occupied, namespace: mcp-conflict}
                spec: {image: x}
                """);

        ToolServer server = awaitUntil(client, ToolServer.class, "mcp-conflict", "occupied",
                t -> hasCondition(t.getStatus(), "Ready", ConditionStatus.FALSE, "ResourceConflict"));
        assertThat(condition(server.getStatus(), "Ready").orElseThrow().getMessage())
                .isEqualTo("Service mcp-conflict/occupied already exists and is not owned by ToolServer occupied; rename or delete it");
        assertThat(server.getStatus().getUrl()).isNull();
        Service foreign = client.services().inNamespace("mcp-conflict").withName("occupied").get();
        assertThat(foreign.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(foreign.getMetadata().getLabels()).isEqualTo(Map.of("owner", "legacy"));
        assertThat(foreign.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(80));
        await().atMost(Cluster.TIMEOUT).untilAsserted(() -> assertThat(events("mcp-conflict", "occupied"))
                .extracting(Event::getType, Event::getReason).contains(org.assertj.core.groups.Tuple.tuple("Warning", "ResourceConflict")));
    }

    @Test
    void deletedChildrenAreCreatedAgain() {
        readyToolServer("mcp-recreate", "lazarus", "{image: x}");
        Deployment first = awaitExists(client, Deployment.class, "mcp-recreate", "lazarus");
        Service firstService = awaitExists(client, Service.class, "mcp-recreate", "lazarus");

        client.apps().deployments().inNamespace("mcp-recreate").withName("lazarus").delete();
        client.services().inNamespace("mcp-recreate").withName("lazarus").delete();

        awaitUntil(client, Deployment.class, "mcp-recreate", "lazarus", d -> !d.getMetadata().getUid().equals(first.getMetadata().getUid()));
        awaitUntil(client, Service.class, "mcp-recreate", "lazarus",
                s -> !s.getMetadata().getUid().equals(firstService.getMetadata().getUid()));
    }

    @Test
    void agentsUsingTheToolServerFollowItsUrl() {
        readyToolServer("mcp-users", "weather", "{image: x}");
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: forecaster, namespace: mcp-users}
                spec:
                  tools: [{name: weather, upstream: {toolServerRef: {name: weather}}}]
                """);
        awaitUntil(client, Deployment.class, "mcp-users", "forecaster", d -> agentTools(d)
                .equals("{\"weather\":{\"url\":\"http://weather.mcp-users.svc.cluster.local:8080/mcp\"}}"));

        Cluster.edit(client, ToolServer.class, "mcp-users", "weather", server -> {
            server.getSpec().setPort(9090);
            server.getSpec().setPath("/v2/mcp");
        });

        awaitUntil(client, Deployment.class, "mcp-users", "forecaster", d -> agentTools(d)
                .equals("{\"weather\":{\"url\":\"http://weather.mcp-users.svc.cluster.local:9090/v2/mcp\"}}"));
        awaitUntil(client, Agent.class, "mcp-users", "forecaster", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
    }

    private static String agentTools(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("AGENT_TOOLS")).map(EnvVar::getValue).findFirst().orElse("");
    }

    private List<Event> events(String namespace, String name) {
        return client.resources(Event.class).inNamespace(namespace).list().getItems().stream()
                .filter(e -> name.equals(e.getRegarding().getName())).toList();
    }
}
