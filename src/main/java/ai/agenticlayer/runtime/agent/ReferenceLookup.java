package ai.agenticlayer.runtime.agent;

import java.util.List;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;

/** Where reference resolution finds the objects an Agent names: the informer caches, or given objects in tests. */
public interface ReferenceLookup {

    Optional<Agent> agent(String namespace, String name);

    Optional<ToolRoute> toolRoute(String namespace, String name);

    Optional<ToolServer> toolServer(String namespace, String name);

    Optional<AiGateway> aiGateway(String namespace, String name);

    List<AiGateway> aiGateways(String namespace);
}
