package ai.agenticlayer.runtime.children;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** A child's name is taken by an object this operator does not own; it is never adopted, changed or deleted. */
public class ResourceConflictException extends RuntimeException {

    public ResourceConflictException(HasMetadata desired, HasMetadata owner) {
        super(desired.getKind() + " " + desired.getMetadata().getNamespace() + "/" + desired.getMetadata().getName()
                + " already exists and is not owned by " + owner.getKind() + " " + owner.getMetadata().getName()
                + "; rename or delete it");
    }
}
