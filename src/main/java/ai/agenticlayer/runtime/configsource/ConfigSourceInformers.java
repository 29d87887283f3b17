package ai.agenticlayer.runtime.configsource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import ai.agenticlayer.runtime.cache.InformerStores;
import ai.agenticlayer.runtime.cache.ReducingItemStore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
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
    /** Names the informer that watches every namespace the controller watches: no namespace can be called so. */
    private static final String ONE_INFORMER = "*";

    private ConfigSourceInformers() {
    }

    /** Registers the index on the primary cache and returns the two informers. */
    public static <P extends HasMetadata> List<EventSource<?, P>> register(EventSourceContext<P> context,
            Class<P> primaryType, Function<P, ? extends Set<ConfigSources.Reference>> references) {
        context.getPrimaryCache().addIndexers(Map.of(INDEX, primary -> references.apply(primary).stream()
                .map(reference -> reference.indexKey(primary.getMetadata().getNamespace())).distinct().toList()));
        List<EventSource<?, P>> informers = new ArrayList<>();
        for (String namespace : informerNamespaces(context.getControllerConfiguration())) {
            informers.add(informer(context, primaryType, Secret.class, ConfigSources.Kind.Secret, namespace, ConfigSources::digested));
            informers.add(informer(context, primaryType, ConfigMap.class, ConfigSources.Kind.ConfigMap, namespace, ConfigSources::digested));
        }
        return informers;
    }

    /**
     * One informer for what the controller watches if the SDK gives that one informer, else one per namespace: each
     * with a digesting store of its own, which the SDK would share between the informers of several namespaces
     * ({@link InformerStores}).
     */
    private static Set<String> informerNamespaces(ControllerConfiguration<?> controller) {
        Set<String> namespaces = controller.getEffectiveNamespaces();
        return InformerStores.oneInformer(namespaces) ? Set.of(ONE_INFORMER) : namespaces;
    }

    private static String name(Class<?> type, String namespace) {
        return type.getSimpleName() + "@" + namespace;
    }

    /**
     * The digests in the informers' caches, for {@link ConfigSources#hash}; {@link ConfigSources#UNTRACKED} when the
     * controller registered none (the rollout is switched off).
     */
    public static ConfigSources.Lookup lookup(Context<?> context) {
        if (context.eventSourceRetriever().getEventSourcesFor(Secret.class).isEmpty()) {
            return ConfigSources.UNTRACKED;
        }
        Set<String> informerNamespaces = informerNamespaces(context.getControllerConfiguration());
        return (kind, namespace, name) -> {
            Class<? extends HasMetadata> type = kind == ConfigSources.Kind.Secret ? Secret.class : ConfigMap.class;
            String informer = informerNamespaces.contains(ONE_INFORMER) ? ONE_INFORMER : namespace;
            if (!informerNamespaces.contains(informer)) {
                return Optional.empty();
            }
            Optional<? extends HasMetadata> cached = ((InformerEventSource<? extends HasMetadata, ?>) context.eventSourceRetriever()
                    .getEventSourceFor(type, name(type, informer))).get(new ResourceID(name, namespace));
            return cached.map(ConfigSourceInformers::data);
        };
    }

    private static Map<String, String> data(HasMetadata digested) {
        Map<String, String> data = digested instanceof Secret secret ? secret.getData() : ((ConfigMap) digested).getData();
        return data == null ? Map.of() : data;
    }

    private static <R extends HasMetadata, P extends HasMetadata> InformerEventSource<R, P> informer(EventSourceContext<P> context,
            Class<P> primaryType, Class<R> type, ConfigSources.Kind kind, String namespace, UnaryOperator<R> digest) {
        var configuration = InformerEventSourceConfiguration.from(type, primaryType)
                .withName(name(type, namespace))
                .withItemStore(new ReducingItemStore<>(digest))
                // listed page by page: a namespace's Secrets (Helm keeps releases in them) never sit in memory at once
                .withInformerListLimit(LIST_PAGE)
                .withSecondaryToPrimaryMapper(source -> context.getPrimaryCache()
                        .byIndex(INDEX, ConfigSources.indexKey(kind, source.getMetadata().getNamespace(), source.getMetadata().getName()))
                        .stream().map(ResourceID::fromResource).collect(Collectors.toSet()));
        if (!namespace.equals(ONE_INFORMER)) {
            configuration.withNamespaces(Set.of(namespace));
        }
        return new InformerEventSource<>(configuration.build(), context);
    }
}
