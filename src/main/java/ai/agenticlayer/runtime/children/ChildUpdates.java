package ai.agenticlayer.runtime.children;

import java.util.Objects;

import ai.agenticlayer.runtime.status.DeploymentAvailability;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Which events of a child reconcile its owner.
 * <ul>
 * <li>An update, when it changes what the operator sets (metadata, spec) or what the owner reports of the child (a
 * Deployment's {@code Available} condition and replica counts, which the scale subresource reads). The rest are
 * status updates that change neither: the Deployment controller writes several per rollout.</li>
 * <li>An addition, unless it is the child the owner's reconcile is creating, as it was created ({@link #asCreated}).</li>
 * </ul>
 */
public final class ChildUpdates {

    private ChildUpdates() {
    }

    public static boolean matter(HasMetadata now, HasMetadata before) {
        if (metadataChanged(now.getMetadata(), before.getMetadata())) {
            return true;
        }
        if (now instanceof Deployment deployment && before instanceof Deployment previous) {
            // every change of a Deployment's spec moves its generation
            return !Objects.equals(deployment.getMetadata().getGeneration(), previous.getMetadata().getGeneration())
                    || !DeploymentAvailability.reported(deployment).equals(DeploymentAvailability.reported(previous))
                    || !DeploymentAvailability.replicas(deployment).equals(DeploymentAvailability.replicas(previous));
        }
        if (now instanceof Service service && before instanceof Service previous) {
            return !Objects.equals(service.getSpec(), previous.getSpec());
        }
        return true;
    }

    /**
     * Whether a child is just as the operator created it: carrying the desired-state hash the create sent, at its first
     * generation, and with nothing its owner reports yet. The informer can deliver that addition before the create's
     * response arrives, when the SDK cannot yet tell it from someone else's write (it knows its own writes by the
     * response's resourceVersion, and by an annotation it leaves off Deployments, whose generation every annotation
     * change moves); the owner's reconcile, still running, then sees the child through the response anyway.
     */
    public static boolean asCreated(HasMetadata child, String hashSent) {
        Long generation = child.getMetadata().getGeneration();
        return hashSent != null && hashSent.equals(DesiredStateHash.on(child)) && (generation == null || generation <= 1)
                && !(child instanceof Deployment deployment && DeploymentAvailability.reported(deployment).isPresent());
    }

    private static boolean metadataChanged(ObjectMeta now, ObjectMeta before) {
        return !Objects.equals(now.getLabels(), before.getLabels())
                || !Objects.equals(now.getAnnotations(), before.getAnnotations())
                || !Objects.equals(now.getOwnerReferences(), before.getOwnerReferences())
                || !Objects.equals(now.getDeletionTimestamp(), before.getDeletionTimestamp());
    }
}
