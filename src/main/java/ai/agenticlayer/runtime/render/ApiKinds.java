package ai.agenticlayer.runtime.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentGateway;
import ai.agenticlayer.runtime.api.v1alpha1.AgentGatewayClass;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.AiGatewayClass;
import ai.agenticlayer.runtime.api.v1alpha1.Guard;
import ai.agenticlayer.runtime.api.v1alpha1.GuardrailProvider;
import ai.agenticlayer.runtime.api.v1alpha1.ToolGateway;
import ai.agenticlayer.runtime.api.v1alpha1.ToolGatewayClass;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** The kinds of {@code runtime.agentic-layer.ai/v1alpha1}: their model classes, and validators of their CRDs. */
final class ApiKinds {

    static final String GROUP = "runtime.agentic-layer.ai";
    static final String API_VERSION = GROUP + "/v1alpha1";

    private static final Map<String, Class<? extends HasMetadata>> CLASSES = Map.ofEntries(
            Map.entry("Agent", Agent.class), Map.entry("AgenticWorkforce", AgenticWorkforce.class),
            Map.entry("AgentRuntimeConfiguration", AgentRuntimeConfiguration.class), Map.entry("ToolServer", ToolServer.class),
            Map.entry("ToolRoute", ToolRoute.class), Map.entry("AiGateway", AiGateway.class), Map.entry("AiGatewayClass", AiGatewayClass.class),
            Map.entry("AgentGateway", AgentGateway.class), Map.entry("AgentGatewayClass", AgentGatewayClass.class),
            Map.entry("ToolGateway", ToolGateway.class), Map.entry("ToolGatewayClass", ToolGatewayClass.class),
            Map.entry("Guard", Guard.class), Map.entry("GuardrailProvider", GuardrailProvider.class));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, CrdValidator> VALIDATORS = new ConcurrentHashMap<>();

    private ApiKinds() {
    }

    static Optional<Class<? extends HasMetadata>> classOf(String kind) {
        return Optional.ofNullable(CLASSES.get(kind));
    }

    static String known() {
        return String.join(", ", new java.util.TreeSet<>(CLASSES.keySet()));
    }

    /** The validator of a kind's CRD, as shipped in the jar (a copy of kubernetes/crds). */
    static CrdValidator validator(String kind) {
        return VALIDATORS.computeIfAbsent(kind, k -> {
            String resource = "crds/" + HasMetadata.getPlural(CLASSES.get(k)) + "." + GROUP + ".yaml";
            try (InputStream crd = ApiKinds.class.getClassLoader().getResourceAsStream(resource)) {
                if (crd == null) {
                    throw new IllegalStateException("missing " + resource + " on the class path");
                }
                return new CrdValidator(YAML.readTree(crd));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
