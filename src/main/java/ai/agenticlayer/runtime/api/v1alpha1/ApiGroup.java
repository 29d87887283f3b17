package ai.agenticlayer.runtime.api.v1alpha1;

/** Coordinates shared by every kind of the runtime.agentic-layer.ai API. */
public final class ApiGroup {
    public static final String GROUP = "runtime.agentic-layer.ai";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    /** {@code kubectl get agentic} lists every kind of this API. */
    public static final String CATEGORY = "agentic";

    private ApiGroup() {
    }
}
