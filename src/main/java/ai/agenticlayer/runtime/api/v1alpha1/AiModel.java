package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A model an AiGateway offers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AiModel {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Model name, for example gpt-4.")
    private String name;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Provider, for example openai, anthropic, azure or gemini.")
    private String provider;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }
}
