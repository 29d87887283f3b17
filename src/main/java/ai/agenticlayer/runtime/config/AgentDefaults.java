package ai.agenticlayer.runtime.config;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfigurationSpec;
import ai.agenticlayer.runtime.api.v1alpha1.AgentTemplateImages;
import ai.agenticlayer.runtime.api.v1alpha1.Framework;
import ai.agenticlayer.runtime.children.ChildObjects;
import ai.agenticlayer.runtime.children.EffectivePodSettings;
import io.fabric8.kubernetes.api.model.SecurityContext;

/**
 * The defaults an Agent gets for what it does not set: built in, refined by the AgentRuntimeConfiguration of the
 * operator's namespace, then by the one of the Agent's own namespace. An empty string in a configuration means unset.
 */
public record AgentDefaults(Framework framework, String googleAdkImage, String msafImage, SecurityContext securityContext,
        EffectivePodSettings podSettings, ReferenceRules referenceRules) {

    public static final Framework BUILT_IN_FRAMEWORK = Framework.GOOGLE_ADK;

    public static AgentDefaults builtIn(OperatorConfig.TemplateImages images) {
        return builtIn(images.googleAdk(), images.msaf());
    }

    public static AgentDefaults builtIn(String googleAdkImage, String msafImage) {
        return new AgentDefaults(BUILT_IN_FRAMEWORK, googleAdkImage, msafImage, ChildObjects.restrictedSecurityContext(),
                EffectivePodSettings.NONE, ReferenceRules.ALLOW_ALL);
    }

    /**
     * The defaults of an Agent in a namespace: built in, refined by the configuration in force in the operator's
     * namespace, then by the one in force in the Agent's namespace.
     */
    public static AgentDefaults forNamespace(String namespace, AgentDefaults builtIn, String operatorNamespace,
            Function<String, Collection<AgentRuntimeConfiguration>> configurationsIn) {
        AgentDefaults defaults = builtIn.refinedBy(ConfigurationSelection.effective(configurationsIn.apply(operatorNamespace)));
        return namespace.equals(operatorNamespace) ? defaults
                : defaults.refinedBy(ConfigurationSelection.effective(configurationsIn.apply(namespace)));
    }

    public AgentDefaults refinedBy(Optional<AgentRuntimeConfiguration> configuration) {
        AgentRuntimeConfigurationSpec spec = configuration.map(AgentRuntimeConfiguration::getSpec).orElse(null);
        if (spec == null) {
            return this;
        }
        AgentTemplateImages images = Optional.ofNullable(spec.getAgentTemplateImages()).orElseGet(AgentTemplateImages::new);
        return new AgentDefaults(
                spec.getDefaultFramework() == null ? framework : spec.getDefaultFramework().framework(),
                orElse(images.getGoogleAdk(), googleAdkImage),
                orElse(images.getMsaf(), msafImage),
                spec.getSecurityContext() == null ? securityContext : spec.getSecurityContext(),
                podSettings.refinedBy(spec),
                referenceRules.and(configuration));
    }

    /** The template image of a framework, or empty for a framework without one ({@code custom}). */
    public Optional<String> templateImage(Framework templateFramework) {
        return switch (templateFramework) {
            case GOOGLE_ADK -> Optional.of(googleAdkImage);
            case MSAF -> Optional.of(msafImage);
            case CUSTOM -> Optional.empty();
        };
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
