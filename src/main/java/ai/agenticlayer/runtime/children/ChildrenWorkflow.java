package ai.agenticlayer.runtime.children;

import java.time.Duration;
import java.util.Optional;

import ai.agenticlayer.runtime.status.KubeEvents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** Runs a reconciler's explicitly invoked workflow of {@link OwnedDependentResource}s. */
public final class ChildrenWorkflow {

    /** A foreign object in the way is not watched; look again now and then to notice that it was removed. */
    public static final Duration CONFLICT_RECHECK = Duration.ofMinutes(1);

    private ChildrenWorkflow() {
    }

    /**
     * Applies the children and reports what changed as one Normal Event on the owner. A child whose name is taken by a
     * foreign object is not an error to retry but a state to report: it comes back as the conflict. Any other failure is
     * thrown, and the SDK retries with backoff.
     */
    public static Optional<ResourceConflictException> reconcile(HasMetadata owner, Context<? extends HasMetadata> context,
            KubeEvents events, String eventReporter) {
        ChildChanges changes = new ChildChanges();
        context.managedWorkflowAndDependentResourceContext().put(ChildChanges.class, changes);
        try {
            context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
            return Optional.empty();
        } catch (AggregatedOperatorException e) {
            Optional<ResourceConflictException> conflict = e.getAggregatedExceptions().values().stream()
                    .filter(ResourceConflictException.class::isInstance).map(ResourceConflictException.class::cast).findFirst();
            if (conflict.isEmpty()) {
                throw e;
            }
            return conflict;
        } finally {
            // also when another child failed: what was applied stays applied
            if (!changes.isEmpty()) {
                events.record(context.getClient(), eventReporter, owner, null, KubeEvents.NORMAL, changes.reason(), "Apply",
                        changes.note());
            }
        }
    }
}
