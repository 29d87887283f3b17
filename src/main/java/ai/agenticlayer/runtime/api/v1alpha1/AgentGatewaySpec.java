package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectReference;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentGatewaySpec {

    @JsonPropertyDescription("The AgentGatewayClass; unset means the class annotated as default.")
    private String agentGatewayClassName;

    @Min(1)
    @Default("1")
    @JsonPropertyDescription("Number of gateway pods.")
    private Integer replicas;

    @Default("360s")
    @Pattern(GatewayDuration.PATTERN)
    @JsonPropertyDescription("Request timeout as a duration, for example 360s or 5m0s.")
    private String timeout;

    @JsonPropertyDescription("Environment variables of the gateway container.")
    private List<EnvVar> env;

    @JsonPropertyDescription("Sources of environment variables of the gateway container.")
    private List<EnvFromSource> envFrom;

    @JsonPropertyDescription("Labels and annotations for the gateway's Deployment, Service and pods.")
    private EmbeddedMetadata commonMetadata;

    @JsonPropertyDescription("Labels and annotations for the gateway's pods only.")
    private EmbeddedMetadata podMetadata;

    @JsonPropertyDescription("Guards to apply, in order; namespace defaults to the gateway's.")
    private List<ObjectReference> guardrails;

    public String getAgentGatewayClassName() {
        return agentGatewayClassName;
    }

    public void setAgentGatewayClassName(String agentGatewayClassName) {
        this.agentGatewayClassName = agentGatewayClassName;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
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

    public List<ObjectReference> getGuardrails() {
        return guardrails;
    }

    public void setGuardrails(List<ObjectReference> guardrails) {
        this.guardrails = guardrails;
    }
}
