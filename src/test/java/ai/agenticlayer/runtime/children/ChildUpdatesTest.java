package ai.agenticlayer.runtime.children;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Which events of a child reconcile its owner: what the operator sets or reports, never status churn or its own create. */
class ChildUpdatesTest {

    /** A Deployment as the Deployment controller has just rolled it out: Progressing, not yet Available. */
    private static Deployment rollingOut() {
        return new DeploymentBuilder()
                .withNewMetadata().withName("weather").withNamespace("team-a").withGeneration(1L)
                .addToLabels("app", "weather").addToAnnotations(DesiredStateHash.ANNOTATION, "abc")
                .addNewOwnerReference().withKind("Agent").withName("weather").withUid("u1").withController(true).endOwnerReference()
                .endMetadata()
                .withNewSpec().withReplicas(1).endSpec()
                .withNewStatus().withObservedGeneration(1L).withReplicas(1).withUnavailableReplicas(1)
                .withConditions(condition("Progressing", "True", "NewReplicaSetCreated", "Created new replica set"),
                        condition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."))
                .endStatus()
                .build();
    }

    private static DeploymentCondition condition(String type, String status, String reason, String message) {
        return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message).build();
    }

    private static Deployment changed(Deployment before, Consumer<Deployment> change) {
        Deployment now = Serialization.clone(before);
        change.accept(now);
        return now;
    }

    @Test
    void statusChurnThatLeavesAvailabilityAloneReconcilesNothing() {
        Deployment before = rollingOut();
        Deployment now = changed(before, d -> {
            d.getMetadata().setResourceVersion("42");
            d.getStatus().setUpdatedReplicas(1);
            d.getStatus().getConditions().set(0, condition("Progressing", "True", "ReplicaSetUpdated", "is progressing"));
        });

        assertThat(ChildUpdates.matter(now, before)).isFalse();
    }

    @Test
    void availabilityTheOwnerReportsReconcilesIt() {
        Deployment before = rollingOut();

        assertThat(ChildUpdates.matter(changed(before, d -> d.getStatus().getConditions().set(1,
                condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."))), before)).isTrue();
        assertThat(ChildUpdates.matter(changed(before, d -> d.getStatus().getConditions().get(1).setMessage("other words")), before))
                .isTrue();
        assertThat(ChildUpdates.matter(changed(before, d -> d.getStatus().setConditions(null)), before)).isTrue();
    }

    /** The owner's status reports them, and the scale subresource reads that status (an HPA, kubectl get's Pods column). */
    @Test
    void replicaCountsTheOwnerReportsReconcileIt() {
        Deployment before = rollingOut();

        assertThat(ChildUpdates.matter(changed(before, d -> d.getStatus().setReadyReplicas(1)), before)).as("a pod ready").isTrue();
        assertThat(ChildUpdates.matter(changed(before, d -> d.getStatus().setReplicas(2)), before)).as("a pod more").isTrue();
    }

    @Test
    void whatTheOperatorSetsReconcilesTheOwner() {
        Deployment before = rollingOut();

        assertThat(ChildUpdates.matter(changed(before, d -> {
            d.getMetadata().setGeneration(2L);
            d.getSpec().setReplicas(3);
        }), before)).as("a spec edit").isTrue();
        assertThat(ChildUpdates.matter(changed(before, d -> d.getMetadata().getLabels().put("app", "other")), before)).as("a label").isTrue();
        assertThat(ChildUpdates.matter(changed(before, d -> d.getMetadata().getAnnotations().clear()), before)).as("the hash").isTrue();
        assertThat(ChildUpdates.matter(changed(before, d -> d.getMetadata().setOwnerReferences(null)), before)).as("the owner").isTrue();
        assertThat(ChildUpdates.matter(changed(before, d -> d.getMetadata().setDeletionTimestamp("2026-12-01T00:00:00Z")), before))
                .as("a deletion").isTrue();
    }

    @Test
    void aServiceReconcilesItsOwnerOnSpecAndMetadataChangesOnly() {
        Service before = new ServiceBuilder().withNewMetadata().withName("weather").addToLabels("app", "weather").endMetadata()
                .withNewSpec().withType("ClusterIP").addToSelector("app", "weather").endSpec().build();

        Service loadBalancerStatus = Serialization.clone(before);
        loadBalancerStatus.setStatus(new ServiceStatusBuilder().withNewLoadBalancer().endLoadBalancer().build());
        assertThat(ChildUpdates.matter(loadBalancerStatus, before)).isFalse();

        Service selectorEdited = Serialization.clone(before);
        selectorEdited.getSpec().getSelector().put("app", "other");
        assertThat(ChildUpdates.matter(selectorEdited, before)).isTrue();
    }

    /** A Deployment as the create's response has it: the hash sent, generation 1, no status yet. */
    private static Deployment justCreated() {
        Deployment deployment = rollingOut();
        deployment.setStatus(null);
        return deployment;
    }

    @Test
    void theAdditionOfTheChildBeingCreatedIsRecognisedAsTheOperatorsOwn() {
        assertThat(ChildUpdates.asCreated(justCreated(), "abc")).isTrue();
    }

    @Test
    void anAdditionThatCarriesMoreThanTheCreateIsNot() {
        assertThat(ChildUpdates.asCreated(justCreated(), null)).as("no create in flight").isFalse();
        assertThat(ChildUpdates.asCreated(justCreated(), "another hash")).as("another desired state").isFalse();
        assertThat(ChildUpdates.asCreated(changed(justCreated(), d -> d.getMetadata().setGeneration(2L)), "abc"))
                .as("edited since").isFalse();
        assertThat(ChildUpdates.asCreated(rollingOut(), "abc")).as("availability reported since").isFalse();
    }
}
