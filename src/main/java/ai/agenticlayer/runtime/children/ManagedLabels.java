package ai.agenticlayer.runtime.children;

import java.util.Map;

/**
 * Labels on the Deployments and Services this operator owns. The informers watch only objects carrying them, so the
 * operator caches its own children and not every Deployment and Service of the cluster.
 */
public final class ManagedLabels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String OPERATOR = "agent-runtime-operator";
    public static final String COMPONENT = "app.kubernetes.io/component";

    public static final String AGENT_SELECTOR = MANAGED_BY + "=" + OPERATOR + "," + COMPONENT + "=agent";
    public static final String TOOL_SERVER_SELECTOR = MANAGED_BY + "=" + OPERATOR + "," + COMPONENT + "=toolserver";

    private ManagedLabels() {
    }

    /** The labels that put a child of the given component into the operator's informers. */
    public static Map<String, String> forComponent(String component) {
        return Map.of(MANAGED_BY, OPERATOR, COMPONENT, component);
    }
}
