package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;
import io.fabric8.kubernetes.api.model.Volume;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.framework) || self.framework in ['google-adk', 'msaf'] || (has(self.image) && size(self.image) > 0)",
        fieldPath = ".framework",
        message = "framework \"custom\" requires a custom image. Template agents are only supported for frameworks: google-adk, msaf")
// Both lists are bounded so that the API server's CEL cost estimate for this rule stays within its budget.
@ValidationRule(value = "!has(self.volumeMounts) || self.volumeMounts.all(m, has(self.volumes) && self.volumes.exists(v, v.name == m.name))",
        fieldPath = ".volumeMounts",
        message = "every volumeMounts[].name must name a volume in spec.volumes")
public class AgentSpec extends PodSettings {

    static final int MAX_VOLUMES = 64;
    /** Lists whose entries carry CEL rules are bounded: the API server prices each rule at the list's longest length. */
    static final int MAX_SUB_AGENTS = 100;
    static final int MAX_TOOLS = 100;

    @JsonPropertyDescription("Agent framework: google-adk, msaf or custom. Empty means the default framework of the "
            + "AgentRuntimeConfiguration, else google-adk. Selects the template image when image is empty.")
    private Framework framework;

    @Min(0)
    @SpecReplicas
    @JsonPropertyDescription("Number of pods. Unset: 1 at creation, then left to whoever scales the Deployment (e.g. an HPA).")
    private Integer replicas;

    @JsonPropertyDescription("Container image. Empty means the framework's template image.")
    private String image;

    @JsonPropertyDescription("What the agent does; passed as AGENT_DESCRIPTION.")
    private String description;

    @JsonPropertyDescription("System prompt; passed as AGENT_INSTRUCTION.")
    private String instruction;

    @JsonPropertyDescription("Model id, for example gemini/gemini-2.5-flash; passed as AGENT_MODEL.")
    private String model;

    @Size(max = MAX_SUB_AGENTS)
    @JsonPropertyDescription("Agents this agent may delegate to; passed as SUB_AGENTS.")
    private List<SubAgent> subAgents;

    @Size(max = MAX_TOOLS)
    @JsonPropertyDescription("MCP tool servers the agent may call; passed as AGENT_TOOLS.")
    private List<AgentTool> tools;

    @JsonPropertyDescription("Protocols the agent serves; each becomes a container port and a Service port. "
            + "Empty means one A2A protocol on port 8000.")
    private List<AgentProtocol> protocols;

    @Default("false")
    @JsonPropertyDescription("Expose the agent through an AgentGateway (read by the AgentGateway implementation).")
    private Boolean exposed;

    @JsonPropertyDescription("The AiGateway to use; namespace defaults to the agent's. "
            + "Unset means the default AiGateway of the ai-gateway namespace, if there is one.")
    private ObjectReference aiGatewayRef;

    @JsonPropertyDescription("Extra environment variables; one with the name of a generated variable replaces it.")
    private List<EnvVar> env;

    @JsonPropertyDescription("Sources of environment variables for the agent container.")
    private List<EnvFromSource> envFrom;

    @Size(max = MAX_VOLUMES)
    @JsonPropertyDescription("Volumes to mount into the agent container; each must name a volume of spec.volumes.")
    private List<AgentVolumeMount> volumeMounts;

    @Size(max = MAX_VOLUMES)
    @JsonPropertyDescription("Volumes of the agent pod.")
    private List<Volume> volumes;

    @JsonPropertyDescription("Container resources. Unset: requests 100m CPU and 300Mi memory, limits 500m and 500Mi.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Security context of the container. Unset: the AgentRuntimeConfiguration's, else "
            + "allowPrivilegeEscalation false, all capabilities dropped and the RuntimeDefault seccomp profile.")
    private SecurityContext securityContext;

    @JsonPropertyDescription("Labels and annotations for the Deployment, the Service and the pods.")
    private EmbeddedMetadata commonMetadata;

    @JsonPropertyDescription("Labels and annotations for the pods only.")
    private EmbeddedMetadata podMetadata;

    public Framework getFramework() {
        return framework;
    }

    public void setFramework(Framework framework) {
        this.framework = framework;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getInstruction() {
        return instruction;
    }

    public void setInstruction(String instruction) {
        this.instruction = instruction;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public List<SubAgent> getSubAgents() {
        return subAgents;
    }

    public void setSubAgents(List<SubAgent> subAgents) {
        this.subAgents = subAgents;
    }

    public List<AgentTool> getTools() {
        return tools;
    }

    public void setTools(List<AgentTool> tools) {
        this.tools = tools;
    }

    public List<AgentProtocol> getProtocols() {
        return protocols;
    }

    public void setProtocols(List<AgentProtocol> protocols) {
        this.protocols = protocols;
    }

    public Boolean getExposed() {
        return exposed;
    }

    public void setExposed(Boolean exposed) {
        this.exposed = exposed;
    }

    public ObjectReference getAiGatewayRef() {
        return aiGatewayRef;
    }

    public void setAiGatewayRef(ObjectReference aiGatewayRef) {
        this.aiGatewayRef = aiGatewayRef;
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

    public List<AgentVolumeMount> getVolumeMounts() {
        return volumeMounts;
    }

    public void setVolumeMounts(List<AgentVolumeMount> volumeMounts) {
        this.volumeMounts = volumeMounts;
    }

    public List<Volume> getVolumes() {
        return volumes;
    }

    public void setVolumes(List<Volume> volumes) {
        this.volumes = volumes;
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
