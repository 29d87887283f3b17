package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PresidioProvider {

    @Required
    @Pattern(HttpUrl.PATTERN)
    @JsonPropertyDescription("Presidio analyzer endpoint.")
    private String baseUrl;

    @JsonPropertyDescription("Secret key holding the API key.")
    private SecretKeySelector apiKeySecretRef;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public SecretKeySelector getApiKeySecretRef() {
        return apiKeySecretRef;
    }

    public void setApiKeySecretRef(SecretKeySelector apiKeySecretRef) {
        this.apiKeySecretRef = apiKeySecretRef;
    }
}
