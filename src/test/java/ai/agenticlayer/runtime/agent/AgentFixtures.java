package ai.agenticlayer.runtime.agent;

import java.util.List;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.config.AgentDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Objects from YAML, and a reference lookup over a fixed set of them, for tests of the pure desired-state code. */
final class AgentFixtures {

    static final AgentDefaults BUILT_IN = AgentDefaults.builtIn("ghcr.io/agentic-layer/agent-template-adk:0.8.0",
            "ghcr.io/agentic-layer/agent-template-msaf:0.1.0");

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
        return ReferenceLookup.over(List.of(objects));
    }
}
