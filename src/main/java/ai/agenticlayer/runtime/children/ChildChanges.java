package ai.agenticlayer.runtime.children;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * What one reconcile did to an owner's children, reported as one Event on the owner rather than one per child: a new
 * Agent costs one Event, not two. Children are applied by the workflow, possibly in parallel.
 */
public final class ChildChanges {

    private final List<String> changes = new CopyOnWriteArrayList<>();
    private volatile boolean anyCreated;

    void created(HasMetadata child) {
        anyCreated = true;
        changes.add(describe(child, "created"));
    }

    void updated(HasMetadata child) {
        changes.add(describe(child, "updated"));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** {@code Created} when a child was created, else {@code Updated}. */
    public String reason() {
        return anyCreated ? "Created" : "Updated";
    }

    /** The children by kind and name, sorted: "Deployment news created, Service news created". */
    public String note() {
        return String.join(", ", changes.stream().sorted().toList());
    }

    private static String describe(HasMetadata child, String what) {
        return child.getKind() + " " + child.getMetadata().getName() + " " + what;
    }
}
