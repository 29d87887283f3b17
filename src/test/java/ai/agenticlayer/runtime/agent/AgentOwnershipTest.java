package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.testing.Cluster.awaitExists;
import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.condition;
import static ai.agenticlayer.runtime.testing.Cluster.create;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static ai.agenticlayer.runtime.testing.Cluster.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.testing.ApplyingCrudDispatcher;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The operator changes only what it owns, writes only when something changed, and restores what it owns. */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
class AgentOwnershipTest {

    private static final PatchContext MERGE_PATCH = PatchContext.of(PatchType.JSON_MERGE);

    @Inject
    KubernetesClient client;

    @Inject
    MeterRegistry registry;

    private Agent readyAgent(String namespace, String name, String spec) {
        Cluster.createAgent(client, namespace, name, spec);
        return awaitUntil(client, Agent.class, namespace, name, a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
    }

    @Test
    void newAgentCostsThreeWritesAndAnUnchangedOneNone() {
        int start = Cluster.mark();
        readyAgent("budget", "thrifty", "{description: counts its writes}");
        awaitExists(client, Service.class, "budget", "thrifty");
        settle();

        List<ApplyingCrudDispatcher.Request> writes = Cluster.writesSince(start, "/namespaces/budget/").stream()
                .filter(r -> !r.path().contains("/events")).toList();
        assertThat(writes).extracting(r -> r.method() + " " + r.path().replaceAll("\\?.*", "")).containsExactlyInAnyOrder(
                "POST /apis/runtime.agentic-layer.ai/v1alpha1/namespaces/budget/agents",
                "PATCH /apis/apps/v1/namespaces/budget/deployments/thrifty",
                "PATCH /api/v1/namespaces/budget/services/thrifty",
                "PATCH /apis/runtime.agentic-layer.ai/v1alpha1/namespaces/budget/agents/thrifty/status");

        int beforeResync = Cluster.mark();
        // an unrelated change to a child triggers a reconcile that finds nothing to do
        client.apps().deployments().inNamespace("budget").withName("thrifty")
                .patch(MERGE_PATCH, "{\"metadata\":{\"labels\":{\"cost-center\":\"42\"}}}");
        settle();

        assertThat(Cluster.writesSince(beforeResync, "/namespaces/budget/"))
                .extracting(ApplyingCrudDispatcher.Request::path)
                .containsExactly("/apis/apps/v1/namespaces/budget/deployments/thrifty");
        assertThat(client.apps().deployments().inNamespace("budget").withName("thrifty").get().getMetadata().getLabels())
                .containsEntry("cost-center", "42");
    }

    @Test
    void rolloutRestartAnnotationAndHpaReplicasSurviveAnUpdate() {
        readyAgent("ownership", "scaled", "{description: before}");
        Deployment created = awaitExists(client, Deployment.class, "ownership", "scaled");
        assertThat(created.getSpec().getReplicas()).isEqualTo(1);

        client.apps().deployments().inNamespace("ownership").withName("scaled").patch(MERGE_PATCH, """
                {"spec": {"replicas": 5, "template": {"metadata": {"annotations": {"kubectl.kubernetes.io/restartedAt": "2026-11-25T07:00:00Z"}}}}}
                """);
        Cluster.edit(client, Agent.class, "ownership", "scaled", a -> a.getSpec().setDescription("after"));

        Deployment updated = awaitUntil(client, Deployment.class, "ownership", "scaled",
                d -> "after".equals(AgentReferencesReconcileTest.env(d, "AGENT_DESCRIPTION")));
        assertThat(updated.getSpec().getReplicas()).isEqualTo(5);
        assertThat(updated.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("kubectl.kubernetes.io/restartedAt", "2026-11-25T07:00:00Z");
        // the Event follows the apply
        await().atMost(Cluster.TIMEOUT).untilAsserted(() -> assertThat(events("ownership", "scaled", "Updated"))
                .extracting(Event::getNote).contains("Deployment scaled updated"));
        assertThat(events("ownership", "scaled", "Created")).extracting(Event::getNote).as("one Event per reconcile, naming every child")
                .containsExactly("Deployment scaled created, Service scaled created");
    }

    @Test
    void labelsTheAgentNoLongerAsksForAreRemoved() {
        readyAgent("labels", "tidy", "{commonMetadata: {labels: {team: news, tier: gold}}}");
        assertThat(awaitExists(client, Deployment.class, "labels", "tidy").getMetadata().getLabels()).containsEntry("tier", "gold");

        Cluster.edit(client, Agent.class, "labels", "tidy", a -> a.getSpec().getCommonMetadata().setLabels(Map.of("team", "news")));

        Deployment deployment = awaitUntil(client, Deployment.class, "labels", "tidy", d -> !d.getMetadata().getLabels().containsKey("tier"));
        assertThat(deployment.getMetadata().getLabels()).containsEntry("team", "news").containsEntry("app", "tidy");
        assertThat(awaitUntil(client, Service.class, "labels", "tidy", s -> !s.getMetadata().getLabels().containsKey("tier"))
                .getMetadata().getLabels()).containsEntry("team", "news");
    }

    @Test
    void foreignDeploymentOfTheSameNameIsNeitherAdoptedNorChanged() {
        create(client, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: taken, namespace: conflict, labels: {owner: someone-else}}
                spec:
                  selector: {matchLabels: {run: taken}}
                  template:
                    metadata: {labels: {run: taken}}
                    spec: {containers: [{name: web, image: nginx:1.27}]}
                """);
        Cluster.createAgent(client, "conflict", "taken", "{}");

        Agent agent = awaitUntil(client, Agent.class, "conflict", "taken",
                a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "ResourceConflict"));
        assertThat(condition(agent.getStatus(), "Ready").orElseThrow().getMessage())
                .isEqualTo("Deployment conflict/taken already exists and is not owned by Agent taken; rename or delete it");
        Deployment foreign = client.apps().deployments().inNamespace("conflict").withName("taken").get();
        assertThat(foreign.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(foreign.getMetadata().getLabels()).containsOnly(Map.entry("owner", "someone-else"));
        assertThat(foreign.getSpec().getTemplate().getSpec().getContainers()).singleElement()
                .satisfies(c -> assertThat(c.getImage()).isEqualTo("nginx:1.27"));
    }

    @Test
    void deletedChildrenAreCreatedAgain() {
        readyAgent("recreate", "phoenix", "{}");
        Deployment first = awaitExists(client, Deployment.class, "recreate", "phoenix");
        awaitExists(client, Service.class, "recreate", "phoenix");

        client.apps().deployments().inNamespace("recreate").withName("phoenix").delete();
        client.services().inNamespace("recreate").withName("phoenix").delete();

        Deployment second = awaitUntil(client, Deployment.class, "recreate", "phoenix",
                d -> !d.getMetadata().getUid().equals(first.getMetadata().getUid()));
        assertThat(second.getSpec().getTemplate().getSpec().getContainers()).singleElement()
                .satisfies(c -> assertThat(c.getName()).isEqualTo("agent"));
        awaitExists(client, Service.class, "recreate", "phoenix");
        // a Normal Event names the creations. A re-creation that repeats its note within minutes is counted on that Event
        // (series.count), which the mock cannot show: its server-side apply replaces the Event. KubeEventsIT and
        // InstalledOperatorIT prove the series on the real API server.
        await().atMost(Cluster.TIMEOUT).untilAsserted(() -> {
            String notes = events("recreate", "phoenix", "Created").stream().map(Event::getNote).collect(Collectors.joining(", "));
            assertThat(notes).contains("Deployment phoenix created").contains("Service phoenix created");
        });
    }

    @Test
    void availableMirrorsTheDeployment() {
        Agent agent = readyAgent("available", "watched", "{}");
        assertThat(condition(agent.getStatus(), "Available").orElseThrow().getStatus()).isEqualTo(ConditionStatus.UNKNOWN);

        Deployment deployment = awaitExists(client, Deployment.class, "available", "watched");
        deployment.setStatus(new DeploymentStatusBuilder().withConditions(new DeploymentConditionBuilder().withType("Available")
                .withStatus("True").withReason("MinimumReplicasAvailable").withMessage("Deployment has minimum availability.").build())
                .build());
        client.resource(deployment).updateStatus();

        Agent available = awaitUntil(client, Agent.class, "available", "watched",
                a -> hasCondition(a.getStatus(), "Available", ConditionStatus.TRUE, "MinimumReplicasAvailable"));
        assertThat(condition(available.getStatus(), "Ready").orElseThrow().getStatus()).isEqualTo(ConditionStatus.TRUE);
    }

    @Test
    void aDeploymentsStatusChurnReconcilesNothingItsAvailabilityOnce() {
        readyAgent("churn", "steady", "{}");
        Deployment deployment = awaitExists(client, Deployment.class, "churn", "steady");
        deployment.setStatus(new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(2).withReadyReplicas(1).build());
        deployment = client.resource(deployment).updateStatus();
        awaitUntil(client, Agent.class, "churn", "steady", a -> "1/1".equals(a.getStatus().getPods()));
        double before = agentReconcilesOnceQuiet();

        // what the Deployment controller writes during a rollout besides availability and the replica counts the
        // status reports: updated and available counts, generations, Progressing
        for (int updated = 0; updated <= 2; updated++) {
            deployment.setStatus(new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(2).withUpdatedReplicas(updated)
                    .withAvailableReplicas(updated).withReadyReplicas(1).withConditions(new DeploymentConditionBuilder().withType("Progressing")
                            .withStatus("True").withReason("ReplicaSetUpdated").withMessage(updated + " of 2 updated").build())
                    .build());
            deployment = client.resource(deployment).updateStatus();
        }
        // the same watch delivers this after the churn: had the churn reconciled, this would make a second reconcile
        deployment.getStatus().getConditions().add(new DeploymentConditionBuilder().withType("Available").withStatus("True")
                .withReason("MinimumReplicasAvailable").withMessage("Deployment has minimum availability.").build());
        deployment.getStatus().setReadyReplicas(2);
        client.resource(deployment).updateStatus();

        awaitUntil(client, Agent.class, "churn", "steady", a -> hasCondition(a.getStatus(), "Available", ConditionStatus.TRUE,
                "MinimumReplicasAvailable") && "2/1".equals(a.getStatus().getPods()));
        assertThat(agentReconcilesOnceQuiet() - before).isEqualTo(1);
    }

    /** Agent reconciles started, once every one started has ended and none started for a second. */
    private double agentReconcilesOnceQuiet() {
        double[] last = { -1 };
        await().pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30)).until(() -> {
            double started = agentReconciles("started");
            boolean quiet = started == last[0] && started == agentReconciles("success") + agentReconciles("failed");
            last[0] = started;
            return quiet;
        });
        return last[0];
    }

    private double agentReconciles(String outcome) {
        return registry.find("operator.sdk.reconciliations." + outcome).tag("kind", "Agent").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private List<Event> events(String namespace, String name, String reason) {
        return client.resources(Event.class).inNamespace(namespace).list().getItems().stream()
                .filter(e -> reason.equals(e.getReason()) && name.equals(e.getRegarding().getName())).toList();
    }

    /** Gives the operator time to react to what just happened (there is nothing to wait for when nothing happens). */}
