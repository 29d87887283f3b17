package ai.agenticlayer.runtime.cache;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;

/**
 * Where an informer may keep its objects in a {@link StrippedItemStore}. The SDK runs one informer per watched
 * namespace and hands all of them the one item store configured for the event source. Shared, the store breaks: each
 * informer's (re-)list removes the objects the others listed (fabric8 keeps only the keys of its own list), and every
 * informer lists the others' objects too. So a configured store is used only where one informer uses it: all
 * namespaces watched, or a single one. With a list of namespaces the informers keep fabric8's own stores (whole
 * objects: more memory, nothing lost); the Secret and ConfigMap digests get one informer per namespace instead
 * (package {@code configsource}), so that no Secret value is cached in any mode.
 */
public final class InformerStores {

    /**
     * Objects per page when an informer lists (at start, and again after its watch history is gone): a re-list of a
     * large fleet then never holds a whole kind's response and its parsed objects in memory at once, before the store
     * strips them. In one piece, 5,300 Deployments ran a 256 MiB heap out of memory. client-go's reflector pages by 500 too.
     */
    public static final long LIST_PAGE = 500;

    private static final String AS_BUILT = "QOSDK_USE_BUILDTIME_NAMESPACES";

    private InformerStores() {
    }

    /** Whether the SDK watches {@code namespaces} with a single informer. */
    public static boolean oneInformer(Set<String> namespaces) {
        return namespaces.size() == 1;
    }

    /** A stripped store for an event source that follows the controller's namespaces, or none (see above). */
    public static <R extends HasMetadata> ItemStore<R> stripped(EventSourceContext<?> context) {
        return oneInformer(context.getControllerConfiguration().getEffectiveNamespaces()) ? new StrippedItemStore<>() : null;
    }

    /**
     * For a controller whose annotation gives its primary informer a {@link StrippedItemStore}: lists page by page, and
     * drops that store when the configuration watches a list of namespaces. Read from the configuration as the Quarkus
     * extension reads it, because the overrider tells no namespaces; {@link #checkPrimary} verifies the outcome once the
     * SDK has resolved them.
     */
    public static <R extends HasMetadata> void configurePrimary(ControllerConfigurationOverrider<R> overrider, String controller) {
        List<String> namespaces = configuredNamespaces("quarkus.operator-sdk.controllers.\"" + controller + "\".namespaces")
                .or(() -> configuredNamespaces("quarkus.operator-sdk.namespaces"))
                .orElse(List.of(Constants.WATCH_ALL_NAMESPACES));
        overrider.withInformerListLimit(LIST_PAGE);
        if (!oneInformer(Set.copyOf(namespaces))) {
            overrider.withItemStore(null);
        }
    }

    /** The extension's default for both properties means "as built": all namespaces, for this operator. */
    private static Optional<List<String>> configuredNamespaces(String property) {
        return ConfigProvider.getConfig().getOptionalValues(property, String.class)
                .filter(namespaces -> !namespaces.equals(List.of(AS_BUILT)));
    }

    /** Fails the start, rather than lose objects, if a primary informer shares its store across namespaces after all. */
    public static void checkPrimary(EventSourceContext<?> context) {
        var configuration = context.getControllerConfiguration();
        if (configuration.getInformerConfig().getItemStore() != null && !oneInformer(configuration.getEffectiveNamespaces())) {
            throw new IllegalStateException("Controller " + configuration.getName() + " watches " + configuration.getEffectiveNamespaces()
                    + " with one item store shared by the informers of all of them");
        }
    }
}
