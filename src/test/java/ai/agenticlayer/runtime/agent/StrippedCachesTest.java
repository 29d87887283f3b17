package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.testing.Cluster.awaitExists;
import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.create;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.cache.CachedObjects;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.MockApiServer;
import ai.agenticlayer.runtime.workforce.AgenticWorkforceReconciler;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The running operator's caches hold objects stripped of {@code managedFields} and kubectl's last-applied copy: the
 * primary cache of Agents (the only one: the workforce controller reads it too) and the cache of their Deployments,
 * each configured its own way (the extension at build time, {@code OwnedDependentResource}).
 */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
class StrippedCachesTest {

    private static final String BOOKKEEPING = """
            {"metadata": {"annotations": {"%s": "{\\"kind\\":\\"Agent\\"}", "team": "news"},
             "managedFields": [{"manager": "kubectl-client-side-apply", "operation": "Update", "apiVersion": "v1",
                                "fieldsType": "FieldsV1", "fieldsV1": {"f:metadata": {"f:annotations": {}}}}]}}
            """.formatted(CachedObjects.LAST_APPLIED);

    @Inject
    KubernetesClient client;

    @Inject
    Operator operator;

    @Test
    void cachedObjectsCarryNoFieldManagerBookkeeping() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgenticWorkforce
                metadata: {name: desk, namespace: cached}
                spec: {name: Desk, entryPointAgents: [{name: lean}]}
                """);
        Cluster.createAgent(client, "cached", "lean", "{description: kept lean}");
        awaitUntil(client, Agent.class, "cached", "lean", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
        awaitExists(client, Deployment.class, "cached", "lean");
        // as a real API server returns them: the mock stores what it is given
        client.resources(Agent.class).inNamespace("cached").withName("lean").patch(PatchContext.of(PatchType.JSON_MERGE), BOOKKEEPING);
        client.apps().deployments().inNamespace("cached").withName("lean").patch(PatchContext.of(PatchType.JSON_MERGE), BOOKKEEPING);
        assertThat(client.apps().deployments().inNamespace("cached").withName("lean").get().getMetadata().getManagedFields())
                .isNotEmpty();

        Controller<Agent> agents = controller(AgentReconciler.NAME);
        ResourceID lean = new ResourceID("lean", "cached");
        await().untilAsserted(() -> {
            assertStripped(agents.getEventSourceManager().getControllerEventSource().get(lean));
            assertStripped(((InformerEventSource<Deployment, Agent>) agents.getEventSourceManager().getEventSourceFor(Deployment.class))
                    .get(lean));
        });
    }

    /** The workforce controller and the sub-agent references read the Agent controller's cache: no other informer of Agents. */
    @Test
    void agentsAreCachedOnce() {
        for (String name : List.of(AgentReconciler.NAME, AgenticWorkforceReconciler.NAME)) {
            assertThat(controller(name).getEventSourceManager().getEventSourcesFor(Agent.class)).as(name)
                    .isNotEmpty().noneMatch(InformerEventSource.class::isInstance);
        }
    }

    private static void assertStripped(Optional<? extends HasMetadata> cached) {
        assertThat(cached).hasValueSatisfying(object -> {
            assertThat(object.getMetadata().getAnnotations()).containsEntry("team", "news").doesNotContainKey(CachedObjects.LAST_APPLIED);
            assertThat(object.getMetadata().getManagedFields()).isNullOrEmpty();
        });
    }

    @SuppressWarnings("unchecked")
    private <P extends HasMetadata> Controller<P> controller(String name) {
        return (Controller<P>) operator.getRegisteredController(name).orElseThrow();
    }
}
