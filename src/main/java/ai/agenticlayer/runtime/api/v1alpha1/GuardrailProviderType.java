package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** The API contract of a guardrail provider. */
public enum GuardrailProviderType {
    OPENAI_MODERATION_API("openai-moderation-api"),
    BEDROCK_API("bedrock-api"),
    PRESIDIO_API("presidio-api");

    private final String value;

    GuardrailProviderType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
