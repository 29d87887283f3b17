package ai.agenticlayer.runtime.agent;

import java.util.List;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.configsource.ConfigSourceInformers;
import ai.agenticlayer.runtime.configsource.ConfigSources;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/** Resolves references from the operator's informer caches: no API request per reconcile. */
final class CachedReferenceLookup implements ReferenceLookup {

    private final Context<Agent> context;

    CachedReferenceLookup(Context<Agent> context) {
        this.context = context;
    }

    /** From the controller's own cache, which has a sub-agent's change before the reconcile it triggers runs. */
    @Override
    public Optional<Agent> agent(String namespace, String name) {
        return context.getPrimaryCache().get(new ResourceID(name, namespace));
    }

    @Override
    public Optional<ToolRoute> toolRoute(String namespace, String name) {
        return cache(ToolRoute.class).get(new ResourceID(name, namespace));
    }

    @Override
    public Optional<ToolServer> toolServer(String namespace, String name) {
        return cache(ToolServer.class).get(new ResourceID(name, namespace));
    }

    @Override
    public Optional<AiGateway> aiGateway(String namespace, String name) {
        return cache(AiGateway.class).get(new ResourceID(name, namespace));
    }

    @Override
    public ConfigSources.Lookup configSources() {
        return ConfigSourceInformers.lookup(context);
    }

    @Override
    public List<AiGateway> aiGateways(String namespace) {
        return cache(AiGateway.class).list(gateway -> namespace.equals(gateway.getMetadata().getNamespace())).toList();
    }

    <R extends HasMetadata> InformerEventSource<R, Agent> cache(Class<R> type) {
        return (InformerEventSource<R, Agent>) context.eventSourceRetriever().getEventSourceFor(type);
    }
}
