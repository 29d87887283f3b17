package ai.agenticlayer.runtime.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import ai.agenticlayer.runtime.api.v1alpha1.Condition;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Records Kubernetes Events (events.k8s.io/v1) about the operator's resources. An Event is a record for people, not
 * state: failing to write one is logged and never fails a reconcile.
 */
public final class KubeEvents {

    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";
    private static final Logger LOG = Logger.getLogger(KubeEvents.class);
    private static final int MAX_NOTE_LENGTH = 1024;
    /** A MicroTime as the API server parses it: exactly six fractional digits ({@code Instant.toString()} may give nine). */
    private static final DateTimeFormatter MICRO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX")
            .withZone(ZoneOffset.UTC);
    private static final String INSTANCE = Optional.ofNullable(System.getenv("HOSTNAME")).orElse(ManagedLabels.OPERATOR);

    private KubeEvents() {
    }

    public static void record(KubernetesClient client, String controller, HasMetadata regarding, HasMetadata related,
            String type, String reason, String action, String note) {
        Event event = new EventBuilder()
                .withNewMetadata()
                .withName(regarding.getMetadata().getName() + "." + Long.toHexString(System.nanoTime()))
                .withNamespace(regarding.getMetadata().getNamespace())
                .endMetadata()
                .withEventTime(microTime(Instant.now()))
                .withReportingController(controller)
                .withReportingInstance(INSTANCE)
                .withType(type)
                .withReason(reason)
                .withAction(action)
                .withNote(note.length() > MAX_NOTE_LENGTH ? note.substring(0, MAX_NOTE_LENGTH) : note)
                .withRegarding(referenceTo(regarding))
                .withRelated(related == null ? null : referenceTo(related))
                .build();
        try {
            client.resource(event).create();
        } catch (KubernetesClientException e) {
            LOG.warnf("Could not record event %s for %s %s/%s: %s", reason, regarding.getKind(),
                    regarding.getMetadata().getNamespace(), regarding.getMetadata().getName(), e.getMessage());
        }
    }

    /**
     * Logs one line and records a Warning Event when a failure condition is new or says something new; a failure that
     * persists across retries is reported once, not on every retry.
     */
    public static void warnOnChange(KubernetesClient client, String controller, HasMetadata owner, List<Condition> previous,
            Condition failure) {
        if (Conditions.changed(previous, failure)) {
            LOG.infof("%s %s/%s is not ready (%s): %s", owner.getKind(), owner.getMetadata().getNamespace(),
                    owner.getMetadata().getName(), failure.getReason(), failure.getMessage());
            record(client, controller, owner, null, WARNING, failure.getReason(), "Reconcile", failure.getMessage());
        }
    }

    static MicroTime microTime(Instant instant) {
        return new MicroTime(MICRO_TIME.format(instant));
    }

    private static ObjectReference referenceTo(HasMetadata resource) {
        return new ObjectReferenceBuilder()
                .withApiVersion(resource.getApiVersion())
                .withKind(resource.getKind())
                .withName(resource.getMetadata().getName())
                .withNamespace(resource.getMetadata().getNamespace())
                .withUid(resource.getMetadata().getUid())
                .withResourceVersion(resource.getMetadata().getResourceVersion())
                .build();
    }
}
