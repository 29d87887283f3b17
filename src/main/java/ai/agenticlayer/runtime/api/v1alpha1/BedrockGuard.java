package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class BedrockGuard {

    @Required
    @JsonPropertyDescription("Bedrock guardrail id.")
    private String guardrailId;

    @JsonPropertyDescription("Bedrock guardrail version.")
    private String guardrailVersion;

    public String getGuardrailId() {
        return guardrailId;
    }

    public void setGuardrailId(String guardrailId) {
        this.guardrailId = guardrailId;
    }

    public String getGuardrailVersion() {
        return guardrailVersion;
    }

    public void setGuardrailVersion(String guardrailVersion) {
        this.guardrailVersion = guardrailVersion;
    }
}
