package ai.agenticlayer.runtime.children;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.cache.InformerStores;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfig;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * A child object written with server-side apply under the operator's field manager, so that fields other writers own
 * (a rollout-restart annotation, an HPA's replica count) survive.
 * <ul>
 * <li>Unchanged: the desired-state hash on the child is current and every field the operator sets has its value as
 * the API server stores it ({@link StoredState}). Then nothing is written.</li>
 * <li>Created only if absent: an object of the same name that the operator does not own fails with a
 * {@link ResourceConflictException} and is left alone.</li>
 * <li>Each create and update is noted in the reconcile's {@link ChildChanges}, which {@link ChildrenWorkflow} reports as
 * one Normal Event on the owner.</li>
 * </ul>
 */
public abstract class OwnedDependentResource<R extends HasMetadata, P extends HasMetadata>
        extends CRUDKubernetesDependentResource<R, P> {

    static final String SDK_PREVIOUS_ANNOTATION = "javaoperatorsdk.io/previous";

    /** The desired-state hash of each child whose create is in flight. */
    private final Map<ResourceID, String> creating = new ConcurrentHashMap<>();

    protected OwnedDependentResource(Class<R> resourceType) {
        super(resourceType);
    }

    /**
     * The informer of the children, as the SDK builds it from the {@code @KubernetesDependent} annotation, but
     * caching them stripped only where one informer uses the store, listing them page by page ({@link InformerStores}),
     * and reconciling the owner only on the events that can change its reconcile ({@link ChildUpdates}).
     */
    @Override
    protected InformerEventSource<R, P> createEventSource(EventSourceContext<P> context) {
        var configuration = informerConfigurationBuilder(context)
                .withSecondaryToPrimaryMapper(getSecondaryToPrimaryMapper(context).orElseThrow())
                .withName(name());
        configuration().map(KubernetesDependentResourceConfig::informerConfig).ifPresent(configuration::updateFrom);
        configuration.withItemStore(InformerStores.stripped(context)).withInformerListLimit(InformerStores.LIST_PAGE)
                .withOnUpdateFilter(ChildUpdates::matter)
                .withOnAddFilter(child -> !ChildUpdates.asCreated(child, creating.get(ResourceID.fromResource(child))));
        InformerEventSource<R, P> source = new InformerEventSource<>(configuration.build(), context);
        setEventSource(source);
        return source;
    }

    /**
     * A child is named as its owner, in the owner's namespace ({@link ChildObjects#metadata}). The SDK's default finds
     * the child by building its desired state, which {@link #match} then builds again: the hash and all, twice per
     * reconcile.
     */
    @Override
    protected ResourceID targetSecondaryResourceID(P primary, Context<P> context) {
        return ResourceID.fromResource(primary);
    }

    @Override
    public Matcher.Result<R> match(R actual, R desired, P primary, Context<P> context) {
        addMetadata(true, actual, desired, primary, context);
        var serialization = context.getClient().getKubernetesSerialization();
        boolean unchanged = Objects.equals(DesiredStateHash.on(actual), DesiredStateHash.on(desired))
                && StoredState.differences(serialization.convertValue(desired, JsonNode.class),
                        serialization.convertValue(actual, JsonNode.class)).isEmpty();
        return Matcher.Result.computed(unchanged, desired);
    }

    /**
     * Without the SDK's {@code javaoperatorsdk.io/previous} annotation: the SDK's mark of its own last write, which
     * users would see on every Service and which the original operator never wrote. The SDK still recognises the
     * events of its own writes by their resource version, and {@link ChildUpdates} filters the rest.
     */
    @Override
    protected void addMetadata(boolean forMatch, R actual, R target, P primary, Context<P> context) {
        super.addMetadata(forMatch, actual, target, primary, context);
        if (target.getMetadata().getAnnotations() != null) {
            target.getMetadata().getAnnotations().remove(SDK_PREVIOUS_ANNOTATION);
        }
    }

    /** Until the SDK has cached the created child, its addition is recognised here ({@link ChildUpdates#asCreated}). */
    @Override
    protected R handleCreate(R desired, P primary, Context<P> context) {
        ResourceID id = ResourceID.fromResource(desired);
        creating.put(id, DesiredStateHash.on(desired));
        try {
            return super.handleCreate(desired, primary, context);
        } finally {
            creating.remove(id);
        }
    }

    @Override
    public R create(R desired, P primary, Context<P> context) {
        R created;
        try {
            created = super.create(prepareForCreation(desired), primary, context);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            R existing = context.getClient().resource(desired).get();
            if (existing == null || !isOwnedBy(existing, primary)) {
                throw new ResourceConflictException(desired, primary);
            }
            // ours, but invisible to the label-filtered informer (left unlabelled by the original operator, or someone
            // removed the labels): take it over with one apply. The create set resourceVersion "1" as its only-if-absent
            // precondition; kept, it would make this apply fail with 409 too, on every retry.
            desired.getMetadata().setResourceVersion(null);
            return update(existing, desired, primary, context);
        }
        changes(context).created(created);
        return created;
    }

    @Override
    public R update(R actual, R desired, P primary, Context<P> context) {
        R updated = super.update(actual, desired, primary, context);
        changes(context).updated(updated);
        return updated;
    }

    /** A controller reference, as the original operator set: garbage collection removes the child with its owner. */
    @Override
    protected void addReferenceHandlingMetadata(R desired, P primary) {
        ChildObjects.ownedBy(desired, primary);
    }

    /** Fields set only when the object is created, then left to others (the Deployment's replicas, say). */
    protected R prepareForCreation(R desired) {
        return desired;
    }

    private static ChildChanges changes(Context<?> context) {
        return context.managedWorkflowAndDependentResourceContext().getMandatory(ChildChanges.class, ChildChanges.class);
    }

    private static boolean isOwnedBy(HasMetadata child, HasMetadata owner) {
        return child.getMetadata().getOwnerReferences().stream()
                .anyMatch(ref -> Boolean.TRUE.equals(ref.getController()) && ref.getUid().equals(owner.getMetadata().getUid()));
    }
}
