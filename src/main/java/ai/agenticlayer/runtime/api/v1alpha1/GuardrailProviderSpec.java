package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.openaiModeration) || self.type == 'openai-moderation-api'",
        message = "openaiModeration may only be set when type is openai-moderation-api")
@ValidationRule(value = "has(self.bedrock) == (self.type == 'bedrock-api')",
        message = "bedrock must be set exactly when type is bedrock-api")
@ValidationRule(value = "has(self.presidio) == (self.type == 'presidio-api')",
        message = "presidio must be set exactly when type is presidio-api")
public class GuardrailProviderSpec {

    @Required
    @JsonPropertyDescription("API contract: openai-moderation-api, bedrock-api or presidio-api.")
    private GuardrailProviderType type;

    @JsonPropertyDescription("Settings for openai-moderation-api.")
    private OpenAiModerationProvider openaiModeration;

    @JsonPropertyDescription("Settings for bedrock-api.")
    private BedrockProvider bedrock;

    @JsonPropertyDescription("Settings for presidio-api.")
    private PresidioProvider presidio;

    public GuardrailProviderType getType() {
        return type;
    }

    public void setType(GuardrailProviderType type) {
        this.type = type;
    }

    public OpenAiModerationProvider getOpenaiModeration() {
        return openaiModeration;
    }

    public void setOpenaiModeration(OpenAiModerationProvider openaiModeration) {
        this.openaiModeration = openaiModeration;
    }

    public BedrockProvider getBedrock() {
        return bedrock;
    }

    public void setBedrock(BedrockProvider bedrock) {
        this.bedrock = bedrock;
    }

    public PresidioProvider getPresidio() {
        return presidio;
    }

    public void setPresidio(PresidioProvider presidio) {
        this.presidio = presidio;
    }
}
