package ai.agenticlayer.runtime.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import ai.agenticlayer.runtime.api.v1alpha1.ApiGroup;
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionedStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * The pause annotation ({@value #ANNOTATION}: {@code "true"}) on an Agent, ToolServer or AgenticWorkforce: the
 * operator writes nothing for the object or its children (during an incident, a migration, a manual fix) until the
 * annotation is removed, except once, when it pauses, the condition {@value #CONDITION} that {@code kubectl get}
 * shows. The next reconcile after the annotation is removed converges the object and drops the condition.
 */
public final class Pause {

    public static final String ANNOTATION = ApiGroup.GROUP + "/paused";
    public static final String CONDITION = "Paused";

    private Pause() {
    }

    public static boolean requested(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations != null && "true".equals(annotations.get(ANNOTATION));
    }

    /**
     * The updates of a primary object that reconcile it: a spec change (a new generation), as the SDK's default has it,
     * and a pause or a resume, which changes only an annotation.
     */
    public static <R extends HasMetadata> void configure(ControllerConfigurationOverrider<R> overrider) {
        overrider.withGenerationAware(false).withOnUpdateFilter((now, before) -> requested(now) != requested(before)
                || !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration()));
    }

    /** Writes the status of a paused object, as it was with {@value #CONDITION}=True added, unless it says so already. */
    public static <S extends ConditionedStatus, P extends CustomResource<?, S>> void report(P primary, Supplier<S> blankStatus,
            Supplier<P> blank, Context<P> context) {
        S previous = primary.getStatus();
        if (previous != null && Conditions.find(previous.getConditions(), CONDITION).isPresent()) {
            return;
        }
        S status = previous == null ? blankStatus.get() : context.getClient().getKubernetesSerialization().clone(previous);
        List<Condition> conditions = new ArrayList<>(
                status.getConditions() == null ? List.of() : status.getConditions());
        conditions.addAll(Conditions.merge(null, List.of(Conditions.condition(CONDITION, ConditionStatus.TRUE, "Paused",
                "The annotation " + ANNOTATION + " is \"true\": the operator writes nothing for this object or its children "
                        + "until it is removed", primary.getMetadata().getGeneration())), Instant.now()));
        status.setConditions(conditions);
        StatusUpdates.write(primary, status, blank, context);
    }
}
