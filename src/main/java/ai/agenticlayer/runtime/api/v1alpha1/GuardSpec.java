package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ObjectReference;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.openaiModeration) ? 1 : 0) + (has(self.bedrock) ? 1 : 0) + (has(self.presidio) ? 1 : 0) <= 1",
        message = "at most one of openaiModeration, bedrock or presidio may be set")
public class GuardSpec {

    @Required
    @Size(min = 1, max = 3)
    @ValidationRule(value = "self.all(m, self.exists_one(n, n == m))", message = "mode must not list a value twice")
    @JsonPropertyDescription("When the guard runs: pre_call, post_call and/or during_call.")
    private List<GuardMode> mode;

    @JsonPropertyDescription("What the guard is for.")
    private String description;

    @Required
    @JsonPropertyDescription("The GuardrailProvider; namespace defaults to the guard's.")
    private ObjectReference providerRef;

    @JsonPropertyDescription("Settings for an openai-moderation-api provider.")
    private OpenAiModerationGuard openaiModeration;

    @JsonPropertyDescription("Settings for a bedrock-api provider.")
    private BedrockGuard bedrock;

    @JsonPropertyDescription("Settings for a presidio-api provider.")
    private PresidioGuard presidio;

    public List<GuardMode> getMode() {
        return mode;
    }

    public void setMode(List<GuardMode> mode) {
        this.mode = mode;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public ObjectReference getProviderRef() {
        return providerRef;
    }

    public void setProviderRef(ObjectReference providerRef) {
        this.providerRef = providerRef;
    }

    public OpenAiModerationGuard getOpenaiModeration() {
        return openaiModeration;
    }

    public void setOpenaiModeration(OpenAiModerationGuard openaiModeration) {
        this.openaiModeration = openaiModeration;
    }

    public BedrockGuard getBedrock() {
        return bedrock;
    }

    public void setBedrock(BedrockGuard bedrock) {
        this.bedrock = bedrock;
    }

    public PresidioGuard getPresidio() {
        return presidio;
    }

    public void setPresidio(PresidioGuard presidio) {
        this.presidio = presidio;
    }
}
