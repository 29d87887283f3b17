package ai.agenticlayer.runtime.agent;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.configsource.ConfigSources;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * Where reference resolution finds the objects an Agent names: the informer caches, or given objects. Secrets and
 * ConfigMaps are seen as digests of their values ({@link ConfigSources#digested}).
 */
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
            public ConfigSources.Lookup configSources() {
                return (kind, namespace, name) -> kind == ConfigSources.Kind.Secret
                        ? find(Secret.class, namespace, name).map(secret -> ConfigSources.digested(secret).getData())
                        : find(ConfigMap.class, namespace, name).map(configMap -> ConfigSources.digested(configMap).getData());
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

    /** The Secrets and ConfigMaps an Agent's environment reads, as digests. */
    ConfigSources.Lookup configSources();

    List<AiGateway> aiGateways(String namespace);
}
