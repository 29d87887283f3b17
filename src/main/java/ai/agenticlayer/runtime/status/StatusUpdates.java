package ai.agenticlayer.runtime.status;

import java.util.function.Supplier;

import ai.agenticlayer.runtime.digest.CanonicalJson;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;

/**
 * Writes a reconciler's status: only when it differs from the stored one, as a server-side apply of the status alone,
 * and into the primary cache at once. Without that cache update, a reconcile triggered before the informer sees the
 * write (say by the child it just created) would compare against the old status and write again.
 */
public final class StatusUpdates {

    private StatusUpdates() {
    }

    /** Writes {@code status} unless the primary already has it; returns whether it wrote. */
    public static <S, P extends CustomResource<?, S>> boolean write(P primary, S status, Supplier<P> blank, Context<P> context) {
        if (CanonicalJson.ofResource(status).equals(CanonicalJson.ofResource(primary.getStatus()))) {
            return false;
        }
        P patch = blank.get();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(primary.getMetadata().getName())
                .withNamespace(primary.getMetadata().getNamespace())
                .build());
        patch.setSpec(null); // the status subresource ignores it; send only what is applied
        patch.setStatus(status);
        PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(primary, patch, context);
        return true;
    }

    /** An optimistic-locking conflict: a newer version exists, and the retry will reconcile it. Not a failure. */
    public static boolean isConflict(Exception e) {
        return e instanceof KubernetesClientException client && client.getCode() == 409;
    }
}
