package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;

/**
 * The pod identity and placement fields of the Pod API, with its names and schemas, on the kinds that run pods
 * (Agent, ToolServer) and on the AgentRuntimeConfiguration that sets their defaults for Agents. How a configuration's
 * value and an Agent's combine is said per field, where {@code kubectl explain} shows it.
 */
public abstract class PodSettings {

    /** A DNS-1123 subdomain, as the Pod API requires of a ServiceAccount or PriorityClass name. */
    static final String DNS_1123_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    @Pattern(DNS_1123_SUBDOMAIN)
    @Size(max = 253)
    @JsonPropertyDescription("ServiceAccount the pods run as, for workload identity (IRSA, GKE Workload Identity). "
            + "Unset: the AgentRuntimeConfiguration's for an Agent, else the namespace's default ServiceAccount.")
    private String serviceAccountName;

    @JsonPropertyDescription("Whether the pods mount their ServiceAccount's API token. Unset: the "
            + "AgentRuntimeConfiguration's for an Agent, else as the ServiceAccount says.")
    private Boolean automountServiceAccountToken;

    @JsonPropertyDescription("Secrets for pulling the image. An Agent's are added to those of the "
            + "AgentRuntimeConfigurations in force (the operator namespace's, then its own namespace's).")
    private List<LocalObjectReference> imagePullSecrets;

    @JsonPropertyDescription("Node labels the pods must be scheduled on. An Agent's are merged by key over those of the "
            + "AgentRuntimeConfigurations in force; on the same key the Agent's value wins, then its namespace's.")
    private Map<String, String> nodeSelector;

    @JsonPropertyDescription("Taints the pods tolerate. An Agent's are added to those of the "
            + "AgentRuntimeConfigurations in force, so a platform's tolerations always apply.")
    private List<Toleration> tolerations;

    @JsonPropertyDescription("Node affinity, pod affinity and pod anti-affinity of the pods. Each of the three that an "
            + "Agent sets replaces that of the AgentRuntimeConfigurations in force; the others are kept.")
    private Affinity affinity;

    @JsonPropertyDescription("How the pods spread over zones or nodes. An Agent's are merged over those of the "
            + "AgentRuntimeConfigurations in force by topologyKey and whenUnsatisfiable; on the same pair the Agent's wins.")
    private List<TopologySpreadConstraint> topologySpreadConstraints;

    @Pattern(DNS_1123_SUBDOMAIN)
    @Size(max = 253)
    @JsonPropertyDescription("PriorityClass of the pods. Unset: the AgentRuntimeConfiguration's for an Agent, else the "
            + "cluster's default priority.")
    private String priorityClassName;

    public String getServiceAccountName() {
        return serviceAccountName;
    }

    public void setServiceAccountName(String serviceAccountName) {
        this.serviceAccountName = serviceAccountName;
    }

    public Boolean getAutomountServiceAccountToken() {
        return automountServiceAccountToken;
    }

    public void setAutomountServiceAccountToken(Boolean automountServiceAccountToken) {
        this.automountServiceAccountToken = automountServiceAccountToken;
    }

    public List<LocalObjectReference> getImagePullSecrets() {
        return imagePullSecrets;
    }

    public void setImagePullSecrets(List<LocalObjectReference> imagePullSecrets) {
        this.imagePullSecrets = imagePullSecrets;
    }

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations;
    }

    public Affinity getAffinity() {
        return affinity;
    }

    public void setAffinity(Affinity affinity) {
        this.affinity = affinity;
    }

    public List<TopologySpreadConstraint> getTopologySpreadConstraints() {
        return topologySpreadConstraints;
    }

    public void setTopologySpreadConstraints(List<TopologySpreadConstraint> topologySpreadConstraints) {
        this.topologySpreadConstraints = topologySpreadConstraints;
    }

    public String getPriorityClassName() {
        return priorityClassName;
    }

    public void setPriorityClassName(String priorityClassName) {
        this.priorityClassName = priorityClassName;
    }
}
