package ai.agenticlayer.runtime.api.v1alpha1;

/**
 * CEL rules for kinds whose name becomes a Service name (Agent, ToolServer): Kubernetes only accepts DNS-1035
 * labels there, so a bad name is rejected at apply time rather than failing later at Service creation.
 */
final class ServiceNameRules {
    static final String DNS_1035 = "self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')";
    static final String DNS_1035_MESSAGE = "metadata.name must be a DNS-1035 label (lower-case letters, digits and '-', "
            + "starting with a letter and ending with a letter or digit) because it becomes the name of a Service";
    static final String MAX_LENGTH = "size(self.metadata.name) <= 63";
    static final String MAX_LENGTH_MESSAGE = "metadata.name must be at most 63 characters because it becomes the name of a Service";

    private ServiceNameRules() {
    }
}
