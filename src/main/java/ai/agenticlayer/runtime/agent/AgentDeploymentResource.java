package ai.agenticlayer.runtime.agent;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.children.ChildObjects;
import ai.agenticlayer.runtime.children.ManagedLabels;
import ai.agenticlayer.runtime.children.OwnedDependentResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.AGENT_SELECTOR))
public class AgentDeploymentResource extends OwnedDependentResource<Deployment, Agent> {

    public AgentDeploymentResource() {
        super(Deployment.class);
    }

    @Override
    protected Deployment desired(Agent agent, Context<Agent> context) {
        return context.managedWorkflowAndDependentResourceContext().getMandatory(AgentPlan.Ready.class, AgentPlan.Ready.class)
                .deployment(agent);
    }

    @Override
    protected Deployment prepareForCreation(Deployment desired) {
        return ChildObjects.withInitialReplicas(desired);
    }
}
