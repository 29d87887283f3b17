package ai.agenticlayer.runtime.agent;

import java.util.Map;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;

/**
 * What an Agent's references resolved to: the URL of each sub-agent and each tool (by their names in the spec), the
 * AiGateway in use, if any, and the hash of the Secrets and ConfigMaps its environment reads, if it reads any.
 */
public record ResolvedReferences(Map<String, String> subAgentUrls, Map<String, String> toolUrls, Optional<AiGateway> aiGateway,
        Optional<String> configHash) {
}
