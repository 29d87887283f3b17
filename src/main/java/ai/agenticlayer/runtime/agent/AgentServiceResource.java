package ai.agenticlayer.runtime.agent;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.children.ManagedLabels;
import ai.agenticlayer.runtime.children.OwnedDependentResource;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.AGENT_SELECTOR))
public class AgentServiceResource extends OwnedDependentResource<Service, Agent> {

    public AgentServiceResource() {
        super(Service.class);
    }

    @Override
    protected Service desired(Agent agent, Context<Agent> context) {
        return AgentChildren.service(agent);
    }
}
