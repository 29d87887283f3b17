package ai.agenticlayer.runtime.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;

/** Builds status conditions; {@code lastTransitionTime} moves only when a condition's status changes. */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String AVAILABLE = "Available";
    public static final String ACCEPTED = "Accepted";

    /** Why an object is not ready: the reason and message of its Ready=False condition. */
    public record Failure(String reason, String message) {
    }

    private Conditions() {
    }

    public static Condition condition(String type, ConditionStatus status, String reason, String message, Long generation) {
        Condition condition = new Condition();
        condition.setType(type);
        condition.setStatus(status);
        condition.setReason(reason);
        condition.setMessage(message);
        condition.setObservedGeneration(generation);
        return condition;
    }

    public static Condition condition(String type, boolean status, String reason, String message, Long generation) {
        return condition(type, status ? ConditionStatus.TRUE : ConditionStatus.FALSE, reason, message, generation);
    }

    /**
     * The new conditions, each keeping the previous transition time of its type when its status did not change, and
     * {@code now} otherwise. Conditions of other types are dropped: each reconciler owns all the types it writes.
     */
    public static List<Condition> merge(List<Condition> previous, List<Condition> updated, Instant now) {
        List<Condition> merged = new ArrayList<>();
        for (Condition condition : updated) {
            Optional<Condition> before = find(previous, condition.getType());
            condition.setLastTransitionTime(before.filter(b -> b.getStatus() == condition.getStatus())
                    .map(Condition::getLastTransitionTime)
                    .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString()));
            merged.add(condition);
        }
        return merged;
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> Objects.equals(c.getType(), type)).findFirst();
    }

    /** Whether a condition differs from its previous version in anything but its transition time. */
    public static boolean changed(List<Condition> previous, Condition condition) {
        return find(previous, condition.getType())
                .map(before -> before.getStatus() != condition.getStatus()
                        || !Objects.equals(before.getReason(), condition.getReason())
                        || !Objects.equals(before.getMessage(), condition.getMessage()))
                .orElse(true);
    }
}
