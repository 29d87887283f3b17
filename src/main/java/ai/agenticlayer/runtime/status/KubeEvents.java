package ai.agenticlayer.runtime.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Records Kubernetes Events (events.k8s.io/v1) about the operator's resources. An Event is a record for people, not
 * state: failing to write one is logged and never fails a reconcile.
 * <p>
 * Events are written in the background, one at a time, as client-go's recorder writes them: a reconcile does not wait
 * for its Event, and a slow Event API holds no reconcile thread. At most {@value #MAX_PENDING} wait (about 1 KB
 * each); beyond that an Event is dropped and counted ({@value #DROPPED}). Stopping writes what is queued for up to
 * {@link #DRAIN}; an Event recorded after that is dropped and counted too.
 * <p>
 * An Event that repeats one recorded less than {@link #SERIES_GAP} ago (the same object, type, reason, action, note
 * and reporter: a reference that flaps, a child that another writer keeps changing) is not recorded again: the first
 * one becomes a series, its {@code series.count} and {@code series.lastObservedTime} patched, which
 * {@code kubectl describe} shows as "(x3 over 5m)". As client-go's recorder does; unlike it, each repeat is written
 * (repeats here follow a reconcile that wrote something anyway), so the count is never behind.
 */
@Singleton
public class KubeEvents {

    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";
    static final String PENDING = "agent_runtime_events_pending";
    static final String DROPPED = "agent_runtime_events_dropped";
    static final int MAX_PENDING = 16_384;
    static final Duration DRAIN = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(KubeEvents.class);
    private static final int MAX_NOTE_LENGTH = 1024;
    /** A MicroTime as the API server parses it: exactly six fractional digits ({@code Instant.toString()} may give nine). */
    private static final DateTimeFormatter MICRO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX")
            .withZone(ZoneOffset.UTC);
    /** The pod in a cluster; outside one, the operator's name, as the leader-election identity defaults. */
    private static final String INSTANCE = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("agent-runtime-operator");
    /** As client-go: a series ends when the Event has not recurred for six minutes; a later one starts a new Event. */
    private static final Duration SERIES_GAP = Duration.ofMinutes(6);
    private static final int MAX_SERIES = 4096;

    /** The series in progress, least recently observed first; bounded, since a forgotten series only costs a new Event. */
    private final Map<SeriesKey, Series> series = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SeriesKey, Series> eldest) {
            return size() > MAX_SERIES;
        }
    };
    private final ThreadPoolExecutor writer;
    /** Recorded and not yet written or dropped: the queue's size alone misses the one being written. */
    private final AtomicInteger pending = new AtomicInteger();
    private final Counter dropped;

    private record SeriesKey(String namespace, String kind, String name, String uid, String type, String reason, String action,
            String note, String controller) {
    }

    private static final class Series {
        String eventName;
        int count = 1;
        Instant lastObserved;

        Series(String eventName, Instant observed) {
            this.eventName = eventName;
            this.lastObserved = observed;
        }
    }

    @Inject
    public KubeEvents(MeterRegistry registry) {
        this(registry, MAX_PENDING);
    }

    KubeEvents(MeterRegistry registry, int maxPending) {
        this.dropped = Counter.builder(DROPPED)
                .description("Events not written because too many were waiting, or because the operator was stopping")
                .register(registry);
        // one thread, started with the first Event (none is started while the executable is built)
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(maxPending), task -> {
            Thread thread = new Thread(task, "kube-events");
            thread.setDaemon(true);
            return thread;
        }, (task, executor) -> {
            pending.decrementAndGet();
            dropped.increment();
            LOG.debugf("An Event was dropped: %s", executor.isShutdown() ? "the operator is stopping" : "too many are waiting");
        });
        Gauge.builder(PENDING, pending, AtomicInteger::get)
                .description("Events recorded and not yet written")
                .strongReference(true)
                .register(registry);
    }

    /** Records an Event; it is written in the background. */
    public void record(KubernetesClient client, String controller, HasMetadata regarding, HasMetadata related, String type,
            String reason, String action, String note) {
        recordOrCount(client, controller, regarding, related, type, reason, action, note);
    }

    /** As {@link #record}; true when the Event repeats one of a series in progress (counted on it, not new). */
    private boolean recordOrCount(KubernetesClient client, String controller, HasMetadata regarding, HasMetadata related,
            String type, String reason, String action, String note) {
        String shortNote = note.length() > MAX_NOTE_LENGTH ? note.substring(0, MAX_NOTE_LENGTH) : note;
        var metadata = regarding.getMetadata();
        SeriesKey key = new SeriesKey(metadata.getNamespace(), regarding.getKind(), metadata.getName(), metadata.getUid(), type, reason,
                action, shortNote, controller);
        Instant now = Instant.now();
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
        String repeated = null;
        int count = 0;
        synchronized (series) {
            Series current = series.get(key);
            if (current != null && now.isBefore(current.lastObserved.plus(SERIES_GAP))) {
                current.count++;
                current.lastObserved = now;
                repeated = current.eventName;
                count = current.count;
            } else {
                // the series starts when the Event is recorded: a repeat recorded before it is written, or while the
                // API server refuses Events, is not new either (its count patch then finds no Event and creates one)
                series.put(key, new Series(event.getMetadata().getName(), now));
            }
        }
        String seriesEvent = repeated;
        int seriesCount = count;
        pending.incrementAndGet();
        writer.execute(() -> {
            boolean written = false;
            try {
                written = write(client, key, event, seriesEvent, seriesCount, now);
            } finally {
                pending.decrementAndGet();
                if (!written && writer.isShutdown()) {
                    // interrupted by the end of the drain, or failed during it: lost to the stop, as the queued ones
                    dropped.increment();
                }
            }
        });
        return repeated != null;
    }

    /** Writes one Event, or counts it on its series; false when that failed (logged). */
    private boolean write(KubernetesClient client, SeriesKey key, Event event, String repeated, int count, Instant observed) {
        var regarding = event.getRegarding();
        try {
            if (repeated != null && patchSeries(client, regarding.getNamespace(), repeated, count, observed)) {
                return true;
            }
            if (repeated != null) {
                synchronized (series) {
                    // the series' Event is gone: this one carries the series on
                    Series current = series.get(key);
                    if (current != null) {
                        current.eventName = event.getMetadata().getName();
                        current.count = 1;
                    }
                }
            }
            client.resource(event).create();
            return true;
        } catch (RuntimeException e) {
            // any failure, not only the API's (the client closed under it, say): the writer thread outlives any one Event;
            // a repeat that cannot be counted was said once already, and a stop says in one line what it lost
            String why = e instanceof KubernetesClientException apiFailure ? ReconcileFailures.describe(apiFailure) : e.toString();
            Logger.Level level = repeated == null && !writer.isShutdown() ? Logger.Level.WARN : Logger.Level.DEBUG;
            LOG.logf(level, "Could not record event %s for %s %s/%s%s: %s", event.getReason(), regarding.getKind(),
                    regarding.getNamespace(), regarding.getName(), repeated == null ? "" : " again", why);
            return false;
        }
    }

    /** Counts a repeat on the series' Event; false when that Event is gone (expired, deleted): record a new one. */
    private static boolean patchSeries(KubernetesClient client, String namespace, String eventName, int count, Instant observed) {
        // server-side apply of the series alone: one PATCH, no read first (a merge patch through the client GETs the Event)
        Event seriesOnly = new EventBuilder().withNewMetadata().withName(eventName).withNamespace(namespace).endMetadata()
                .withNewSeries().withCount(count).withLastObservedTime(microTime(observed)).endSeries().build();
        try {
            client.resource(seriesOnly).forceConflicts().serverSideApply();
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
    public void warnOnChange(KubernetesClient client, String controller, HasMetadata owner, List<Condition> previous, Condition failure) {
        // previous is the status as cached: when the status write failed too, the failure still looks new; the series
        // then tells the repeat
        if (Conditions.changed(previous, failure)
                && !recordOrCount(client, controller, owner, null, WARNING, failure.getReason(), "Reconcile", failure.getMessage())) {
            LOG.infof("%s %s/%s is not ready (%s): %s", owner.getKind(), owner.getMetadata().getNamespace(),
                    owner.getMetadata().getName(), failure.getReason(), failure.getMessage());
        }
    }

    /** Waits until every Event recorded so far is written, at most as long as given; false when some are still waiting. */
    public boolean awaitWritten(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * What is queued is written, for a while, before the SDK stops (its observer has the default priority): it closes the
     * client. Events of the reconciles it lets finish are dropped and counted.
     */
    void onStop(@Observes @Priority(2) ShutdownEvent event) throws InterruptedException {
        stop(DRAIN);
    }

    void stop(Duration drain) throws InterruptedException {
        if (awaitWritten(drain)) {
            writer.shutdown();
            return;
        }
        // the queued ones and the one being written, which is interrupted (and counts itself)
        int notWritten = pending.get();
        int queued = writer.shutdownNow().size();
        pending.addAndGet(-queued);
        dropped.increment(queued);
        LOG.warnf("Stopping with %d Events not written", notWritten);
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
