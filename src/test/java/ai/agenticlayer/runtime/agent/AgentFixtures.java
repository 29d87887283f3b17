package ai.agenticlayer.runtime.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.common.ChildObjects;
import ai.agenticlayer.runtime.config.AgentDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Objects from YAML, and a reference lookup over a fixed set of them, for tests of the pure desired-state code. */
final class AgentFixtures {

    static final AgentDefaults BUILT_IN = new AgentDefaults(AgentDefaults.BUILT_IN_FRAMEWORK,
            "ghcr.io/agentic-layer/agent-template-adk:0.8.0", "ghcr.io/agentic-layer/agent-template-msaf:0.1.0",
            ChildObjects.restrictedSecurityContext());

    private AgentFixtures() {
    }

    static Agent agent(String yaml) {
        return Serialization.unmarshal("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: Agent\n" + yaml, Agent.class);
    }

    static <T extends HasMetadata> T object(String yaml, Class<T> type) {
        return Serialization.unmarshal(yaml, type);
    }

    /** Lookup over the given objects. */
    static ReferenceLookup lookup(HasMetadata... objects) {
        List<HasMetadata> all = new ArrayList<>(Arrays.asList(objects));
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
                return all.stream().filter(AiGateway.class::isInstance).map(AiGateway.class::cast)
                        .filter(g -> namespace.equals(g.getMetadata().getNamespace())).toList();
            }

            private <T> Optional<T> find(Class<T> type, String namespace, String name) {
                return all.stream().filter(type::isInstance)
                        .filter(o -> namespace.equals(o.getMetadata().getNamespace()) && name.equals(o.getMetadata().getName()))
                        .map(type::cast).findFirst();
            }
        };
    }
}
