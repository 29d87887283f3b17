package ai.agenticlayer.runtime.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Watches the Secrets and ConfigMaps of the controller's namespaces, kept as digests, and re-reconciles the objects
 * whose {@code env}/{@code envFrom} read a changed one (found through an index of the primary cache).
 */
public final class ConfigSourceInformers {

    /** The index of the primary cache by the Secrets and ConfigMaps each object reads. */
    public static final String INDEX = "config-sources";
    private static final long LIST_PAGE = 100;

    private ConfigSourceInformers() {
    }

    /** Registers the index on the primary cache and returns the two informers. */
    public static <P extends HasMetadata> List<EventSource<?, P>> register(EventSourceContext<P> context,
            Class<P> primaryType, Function<P, ? extends Set<ConfigSources.Reference>> references) {
        context.getPrimaryCache().addIndexers(Map.of(INDEX, primary -> references.apply(primary).stream()
                .map(reference -> reference.indexKey(primary.getMetadata().getNamespace())).distinct().toList()));
        return List.of(
                informer(context, primaryType, Secret.class, ConfigSources.Kind.Secret, ConfigSources::digested),
                informer(context, primaryType, ConfigMap.class, ConfigSources.Kind.ConfigMap, ConfigSources::digested));
    }

    /**
     * The digests in the informers' caches, for {@link ConfigSources#hash}; {@link ConfigSources#UNTRACKED} when the
     * controller registered none (the rollout is switched off).
     */
    public static ConfigSources.Lookup lookup(Context<?> context) {
        if (context.eventSourceRetriever().getEventSourcesFor(Secret.class).isEmpty()) {
            return ConfigSources.UNTRACKED;
        }
        return (kind, namespace, name) -> {
            Class<? extends HasMetadata> type = kind == ConfigSources.Kind.Secret ? Secret.class : ConfigMap.class;
            Optional<? extends HasMetadata> cached = ((InformerEventSource<? extends HasMetadata, ?>) context.eventSourceRetriever()
                    .getEventSourceFor(type)).get(new ResourceID(name, namespace));
            return cached.map(ConfigSourceInformers::data);
        };
    }

    private static Map<String, String> data(HasMetadata digested) {
        Map<String, String> data = digested instanceof Secret secret ? secret.getData() : ((ConfigMap) digested).getData();
        return data == null ? Map.of() : data;
    }

    private static <R extends HasMetadata, P extends HasMetadata> InformerEventSource<R, P> informer(EventSourceContext<P> context,
            Class<P> primaryType, Class<R> type, ConfigSources.Kind kind, UnaryOperator<R> digest) {
        var configuration = InformerEventSourceConfiguration.from(type, primaryType)
                .withItemStore(new ReducingItemStore<>(digest))
                // listed page by page: a namespace's Secrets (Helm keeps releases in them) never sit in memory at once
                .withInformerListLimit(LIST_PAGE)
                .withSecondaryToPrimaryMapper(source -> context.getPrimaryCache()
                        .byIndex(INDEX, ConfigSources.indexKey(kind, source.getMetadata().getNamespace(), source.getMetadata().getName()))
                        .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build();
        return new InformerEventSource<>(configuration, context);
    }
}
