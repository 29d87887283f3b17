package ai.agenticlayer.runtime.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * What the informer caches keep of an object, as controller-runtime's cache transforms do: everything the operator
 * reads, nothing it does not. {@code managedFields} (several KB per Deployment on a real API server) and kubectl's
 * last-applied copy of the whole object are bookkeeping for field managers and {@code kubectl apply}; no reconcile,
 * matcher or status reads them, and server-side apply never sends them back.
 */
public final class CachedObjects {

    public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private CachedObjects() {
    }

    /** Strips {@code object} in place, as the informer has just decoded it, and returns it. */
    public static <T extends HasMetadata> T stripped(T object) {
        var metadata = object.getMetadata();
        if (metadata != null) {
            metadata.setManagedFields(null);
            if (metadata.getAnnotations() != null) {
                metadata.getAnnotations().remove(LAST_APPLIED);
            }
        }
        return object;
    }
}
