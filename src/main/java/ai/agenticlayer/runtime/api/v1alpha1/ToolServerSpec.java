package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolServerSpec extends PodSettings {

    @Required
    @Default("mcp")
    @JsonPropertyDescription("Tool protocol; only mcp.")
    private ToolProtocol protocol;

    @Required
    @Default("http")
    @JsonPropertyDescription("MCP transport: http (streamable HTTP) or sse.")
    private TransportType transportType;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Container image of the tool server.")
    private String image;

    @JsonPropertyDescription("Container command (overrides the image's ENTRYPOINT).")
    private List<String> command;

    @JsonPropertyDescription("Container arguments (override the image's CMD).")
    private List<String> args;

    @Min(1)
    @Max(65535)
    @Default("8080")
    @JsonPropertyDescription("Container and Service port.")
    private Integer port;

    @Pattern("^/.*")
    @Size(max = 1024)
    @ValidationRule(value = "self.matches(r'^/[^ ?#%\\x00-\\x1f\\x7f]*$')",
            message = "path must start with '/' and contain only valid URL path characters "
                    + "(no spaces, control characters, '?', '#' or '%')")
    @JsonPropertyDescription("MCP endpoint path, appended to status.url. Unset: /mcp for http, /sse for sse.")
    private String path;

    @Min(0)
    @SpecReplicas
    @JsonPropertyDescription("Number of pods. Unset: 1 at creation, then left to whoever scales the Deployment.")
    private Integer replicas;

    @JsonPropertyDescription("Environment variables; one with the name of a default variable replaces it.")
    private List<EnvVar> env;

    @JsonPropertyDescription("Sources of environment variables.")
    private List<EnvFromSource> envFrom;

    @JsonPropertyDescription("Container resources. Unset: requests 100m CPU and 300Mi memory, limits 500m and 500Mi.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Security context of the container. Unset: "
            + "allowPrivilegeEscalation false, all capabilities dropped and the RuntimeDefault seccomp profile.")
    private SecurityContext securityContext;

    @JsonPropertyDescription("Labels and annotations for the Deployment, the Service and the pods.")
    private EmbeddedMetadata commonMetadata;

    @JsonPropertyDescription("Labels and annotations for the pods only.")
    private EmbeddedMetadata podMetadata;

    public ToolProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(ToolProtocol protocol) {
        this.protocol = protocol;
    }

    public TransportType getTransportType() {
        return transportType;
    }

    public void setTransportType(TransportType transportType) {
        this.transportType = transportType;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public List<String> getCommand() {
        return command;
    }

    public void setCommand(List<String> command) {
        this.command = command;
    }

    public List<String> getArgs() {
        return args;
    }

    public void setArgs(List<String> args) {
        this.args = args;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
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

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
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

    public SecurityContext getSecurityContext() {
        return securityContext;
    }

    public void setSecurityContext(SecurityContext securityContext) {
        this.securityContext = securityContext;
    }
}
