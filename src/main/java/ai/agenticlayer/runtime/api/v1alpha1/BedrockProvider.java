package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.SecretReference;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class BedrockProvider {

    @Required
    @JsonPropertyDescription("AWS region, for example us-east-1.")
    private String region;

    @JsonPropertyDescription("Secret with the keys aws-access-key-id and aws-secret-access-key; "
            + "unset means the pod's identity (IRSA or EKS Pod Identity).")
    private SecretReference credentialsSecretRef;

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public SecretReference getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(SecretReference credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }
}
