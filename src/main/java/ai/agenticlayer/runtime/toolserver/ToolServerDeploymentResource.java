package ai.agenticlayer.runtime.toolserver;

import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.children.ChildObjects;
import ai.agenticlayer.runtime.children.ManagedLabels;
import ai.agenticlayer.runtime.children.OwnedDependentResource;
import ai.agenticlayer.runtime.configsource.ConfigSourceInformers;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.TOOL_SERVER_SELECTOR))
public class ToolServerDeploymentResource extends OwnedDependentResource<Deployment, ToolServer> {

    public ToolServerDeploymentResource() {
        super(Deployment.class);
    }

    @Override
    protected Deployment desired(ToolServer toolServer, Context<ToolServer> context) {
        return ToolServerChildren.deployment(toolServer, ConfigSourceInformers.lookup(context));
    }

    @Override
    protected Deployment prepareForCreation(Deployment desired) {
        return ChildObjects.withInitialReplicas(desired);
    }
}
