package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Every kind of the API, for code that handles them generically (deserialising manifests, for example). */
public final class ApiKinds {

    public static final List<Class<? extends HasMetadata>> ALL = List.of(
            Agent.class,
            AgenticWorkforce.class,
            AgentRuntimeConfiguration.class,
            ToolServer.class,
            ToolRoute.class,
            AgentGateway.class,
            AgentGatewayClass.class,
            AiGateway.class,
            AiGatewayClass.class,
            ToolGateway.class,
            ToolGatewayClass.class,
            Guard.class,
            GuardrailProvider.class);

    private static final Map<String, Class<? extends HasMetadata>> BY_KIND = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(HasMetadata::getKind, Function.identity()));

    private ApiKinds() {
    }

    /** The class of a kind of this API, or empty for any other kind. */
    public static Optional<Class<? extends HasMetadata>> forKind(String apiVersion, String kind) {
        return ApiGroup.API_VERSION.equals(apiVersion) ? Optional.ofNullable(BY_KIND.get(kind)) : Optional.empty();
    }
}
