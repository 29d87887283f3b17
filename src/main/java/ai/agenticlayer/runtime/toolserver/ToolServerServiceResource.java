package ai.agenticlayer.runtime.toolserver;

import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.children.ManagedLabels;
import ai.agenticlayer.runtime.children.OwnedDependentResource;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

@KubernetesDependent(informer = @Informer(labelSelector = ManagedLabels.TOOL_SERVER_SELECTOR))
public class ToolServerServiceResource extends OwnedDependentResource<Service, ToolServer> {

    public ToolServerServiceResource() {
        super(Service.class);
    }

    @Override
    protected Service desired(ToolServer toolServer, Context<ToolServer> context) {
        return ToolServerChildren.service(toolServer);
    }
}
