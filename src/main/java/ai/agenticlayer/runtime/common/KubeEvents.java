package ai.agenticlayer.runtime.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>
 * An Event that repeats one recorded less than {@link #SERIES_GAP} ago (the same object, type, reason, action, note
 * and reporter: a reference that flaps, a child that another writer keeps changing) is not recorded again: the first
 * one becomes a series, its {@code series.count} and {@code series.lastObservedTime} patched, which
 * {@code kubectl describe} shows as "(x3 over 5m)". As client-go's recorder does; unlike it, each repeat is written at
 * once (repeats here follow a reconcile that wrote something anyway), so the count is never behind.
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
    /** As client-go: a series ends when the Event has not recurred for six minutes; a later one starts a new Event. */
    private static final Duration SERIES_GAP = Duration.ofMinutes(6);
    private static final int MAX_SERIES = 4096;
    /** The series in progress, least recently observed first; bounded, since a forgotten series only costs a new Event. */
    private static final Map<SeriesKey, Series> SERIES = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SeriesKey, Series> eldest) {
            return size() > MAX_SERIES;
        }
    };

    private record SeriesKey(String namespace, String kind, String name, String uid, String type, String reason, String action,
            String note, String controller) {
    }

    private static final class Series {
        final String eventName;
        int count = 1;
        Instant lastObserved;

        Series(String eventName, Instant observed) {
            this.eventName = eventName;
            this.lastObserved = observed;
        }
    }

    private KubeEvents() {
    }

    public static void record(KubernetesClient client, String controller, HasMetadata regarding, HasMetadata related,
            String type, String reason, String action, String note) {
        recordOrCount(client, controller, regarding, related, type, reason, action, note);
    }

    /** As {@link #record}; true when the Event repeats one of a series in progress (counted on it, not new). */
    private static boolean recordOrCount(KubernetesClient client, String controller, HasMetadata regarding, HasMetadata related,
            String type, String reason, String action, String note) {
        String shortNote = note.length() > MAX_NOTE_LENGTH ? note.substring(0, MAX_NOTE_LENGTH) : note;
        var metadata = regarding.getMetadata();
        SeriesKey key = new SeriesKey(metadata.getNamespace(), regarding.getKind(), metadata.getName(), metadata.getUid(), type, reason,
                action, shortNote, controller);
        Instant now = Instant.now();
        String repeated = null;
        int count = 0;
        synchronized (SERIES) {
            Series series = SERIES.get(key);
            if (series != null && now.isBefore(series.lastObserved.plus(SERIES_GAP))) {
                series.count++;
                series.lastObserved = now;
                repeated = series.eventName;
                count = series.count;
            }
        }
        try {
            if (repeated != null && patchSeries(client, metadata.getNamespace(), repeated, count, now)) {
                return true;
            }
            Event event = new EventBuilder()
                    .withNewMetadata()
                    .withName(metadata.getName() + "." + Long.toHexString(System.nanoTime()))
                    .withNamespace(metadata.getNamespace())
                    .endMetadata()
                    .withEventTime(microTime(now))
                    .withReportingController(controller)
                    .withReportingInstance(INSTANCE)
                    .withType(type)
                    .withReason(reason)
                    .withAction(action)
                    .withNote(shortNote)
                    .withRegarding(referenceTo(regarding))
                    .withRelated(related == null ? null : referenceTo(related))
                    .build();
            // the series starts before the create: while the API server refuses Events, a repeat is not new either (its
            // count patch then finds no Event and creates one)
            synchronized (SERIES) {
                SERIES.put(key, new Series(event.getMetadata().getName(), now));
            }
            client.resource(event).create();
        } catch (KubernetesClientException e) {
            if (repeated == null) {
                LOG.warnf("Could not record event %s for %s %s/%s: %s", reason, regarding.getKind(), metadata.getNamespace(),
                        metadata.getName(), ReconcileFailures.describe(e));
            } else {
                LOG.debugf("Could not record event %s for %s %s/%s again: %s", reason, regarding.getKind(), metadata.getNamespace(),
                        metadata.getName(), ReconcileFailures.describe(e));
            }
        }
        return repeated != null;
    }

    /** Counts a repeat on the series' Event; false when that Event is gone (expired, deleted): record a new one. */
    private static boolean patchSeries(KubernetesClient client, String namespace, String eventName, int count, Instant observed) {
        // server-side apply of the series alone: one PATCH, no read first (a merge patch through the client GETs the Event)
        Event series = new EventBuilder().withNewMetadata().withName(eventName).withNamespace(namespace).endMetadata()
                .withNewSeries().withCount(count).withLastObservedTime(microTime(observed)).endSeries().build();
        try {
            client.resource(series).forceConflicts().serverSideApply();
            return true;
        } catch (KubernetesClientException e) {
            // gone: the apply would create an Event from the series alone, which the API server refuses as invalid
            if (e.getCode() == 404 || e.getCode() == 422) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Logs one line and records a Warning Event when a failure condition is new or says something new; a failure that
     * persists across retries is reported once, not on every retry, also while its status cannot be written (the repeat
     * counts on the Event's series and logs nothing).
     */
    public static void warnOnChange(KubernetesClient client, String controller, HasMetadata owner, List<Condition> previous,
            Condition failure) {
        // previous is the status as cached: when the status write failed too, the failure still looks new; the series
        // then tells the repeat
        if (Conditions.changed(previous, failure)
                && !recordOrCount(client, controller, owner, null, WARNING, failure.getReason(), "Reconcile", failure.getMessage())) {
            LOG.infof("%s %s/%s is not ready (%s): %s", owner.getKind(), owner.getMetadata().getNamespace(),
                    owner.getMetadata().getName(), failure.getReason(), failure.getMessage());
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
