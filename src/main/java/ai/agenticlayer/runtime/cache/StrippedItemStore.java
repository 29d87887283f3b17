package ai.agenticlayer.runtime.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The informer store of every cache but the Secret and ConfigMap digests: objects {@link CachedObjects#stripped
 * stripped}, where one informer uses the store ({@link InformerStores}). A public no-argument class, so that
 * {@code @Informer(itemStore = ...)} can name it for the controllers' primary caches, which the Quarkus extension
 * configures at build time.
 */
public class StrippedItemStore<T extends HasMetadata> extends ReducingItemStore<T> {

    public StrippedItemStore() {
        super(CachedObjects::stripped);
    }
}
