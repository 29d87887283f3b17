package ai.agenticlayer.runtime.agent;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Where reference resolution finds the objects an Agent names: the informer caches, or given objects. */
public interface ReferenceLookup {

    /** A lookup over given objects (render, tests); it sees changes made to them later. */
    static ReferenceLookup over(Collection<? extends HasMetadata> objects) {
        return new ReferenceLookup() {
            @Override
            public Optional<Agent> agent(String namespace, String name) {
                return find(Agent.class, namespace, name);
            }

            @Override
            public Optional<ToolRoute> toolRoute(String namespace, String name) {
                return find(ToolRoute.class, namespace, name);
            }

            @Override
            public Optional<ToolServer> toolServer(String namespace, String name) {
                return find(ToolServer.class, namespace, name);
            }

            @Override
            public Optional<AiGateway> aiGateway(String namespace, String name) {
                return find(AiGateway.class, namespace, name);
            }

            @Override
            public List<AiGateway> aiGateways(String namespace) {
                return objects.stream().filter(AiGateway.class::isInstance).map(AiGateway.class::cast)
                        .filter(gateway -> namespace.equals(gateway.getMetadata().getNamespace())).toList();
            }

            private <T> Optional<T> find(Class<T> type, String namespace, String name) {
                return objects.stream().filter(type::isInstance)
                        .filter(o -> namespace.equals(o.getMetadata().getNamespace()) && name.equals(o.getMetadata().getName()))
                        .map(type::cast).findFirst();
            }
        };
    }

    Optional<Agent> agent(String namespace, String name);

    Optional<ToolRoute> toolRoute(String namespace, String name);

    Optional<ToolServer> toolServer(String namespace, String name);

    Optional<AiGateway> aiGateway(String namespace, String name);

    List<AiGateway> aiGateways(String namespace);
}
