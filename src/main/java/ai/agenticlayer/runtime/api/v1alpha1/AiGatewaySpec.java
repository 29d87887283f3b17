package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectReference;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AiGatewaySpec {

    @JsonPropertyDescription("The AiGatewayClass; unset means the class annotated as default.")
    private String aiGatewayClassName;

    @Min(1)
    @Max(65535)
    @Default("80")
    @JsonPropertyDescription("Service port; agents reach the gateway at http://<name>.<namespace>.svc.cluster.local.:<port>.")
    private Integer port;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Models the gateway offers.")
    private List<AiModel> aiModels;

    @JsonPropertyDescription("Environment variables of the gateway container.")
    private List<EnvVar> env;

    @JsonPropertyDescription("Sources of environment variables of the gateway container.")
    private List<EnvFromSource> envFrom;

    @JsonPropertyDescription("Guards to apply, in order; namespace defaults to the gateway's.")
    private List<ObjectReference> guardrails;

    @JsonPropertyDescription("Labels and annotations for the gateway's Deployment, Service and pods.")
    private EmbeddedMetadata commonMetadata;

    @JsonPropertyDescription("Labels and annotations for the gateway's pods only.")
    private EmbeddedMetadata podMetadata;

    public String getAiGatewayClassName() {
        return aiGatewayClassName;
    }

    public void setAiGatewayClassName(String aiGatewayClassName) {
        this.aiGatewayClassName = aiGatewayClassName;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public List<AiModel> getAiModels() {
        return aiModels;
    }

    public void setAiModels(List<AiModel> aiModels) {
        this.aiModels = aiModels;
    }

    public List<EnvVar> getEnv() {
        return env;
    }

    public void setEnv(List<EnvVar> env) {
        this.env = env;
    }

    public List<EnvFromSource> getEnvFrom() {
        return envFrom;
    }

    public void setEnvFrom(List<EnvFromSource> envFrom) {
        this.envFrom = envFrom;
    }

    public List<ObjectReference> getGuardrails() {
        return guardrails;
    }

    public void setGuardrails(List<ObjectReference> guardrails) {
        this.guardrails = guardrails;
    }

    public EmbeddedMetadata getCommonMetadata() {
        return commonMetadata;
    }

    public void setCommonMetadata(EmbeddedMetadata commonMetadata) {
        this.commonMetadata = commonMetadata;
    }

    public EmbeddedMetadata getPodMetadata() {
        return podMetadata;
    }

    public void setPodMetadata(EmbeddedMetadata podMetadata) {
        this.podMetadata = podMetadata;
    }
}
