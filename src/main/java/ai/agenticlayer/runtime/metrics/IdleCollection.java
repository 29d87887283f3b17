package ai.agenticlayer.runtime.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Collects the whole heap once the operator has reconciled nothing for a while
 * ({@code agent-runtime.idle-collection.after}, 10 s; {@code 0s} turns it off). A burst of work (a start, a fleet
 * applied at once) leaves garbage behind in the old generation, and an operator that then sits idle allocates too
 * little for a full collection ever to come: its resident set would stay at the burst's high-water mark, the figure
 * {@code kubectl top} and the memory limit see. Go's runtime returns such memory on its own; G1 has
 * {@code G1PeriodicGCInterval} for the same reason. The native executable also gives the heap chunks that collection
 * frees back to the system ({@link NativeHeap}).
 * <p>
 * It collects again only after another collection has run since its own: that one is what can have moved garbage into
 * the old generation, so an operator whose idle work (Lease renewals, scrapes) fills the young generation once an
 * hour pays one full collection an hour, and one that allocates nothing pays none.
 */
@Singleton
public class IdleCollection {

    static final String IDLE_COLLECTIONS = "agent_runtime_idle_collections";
    private static final Logger LOG = Logger.getLogger(IdleCollection.class);

    private final Duration after;
    private final LongSupplier idleNanos;
    private final LongSupplier collections;
    private final Runnable collect;
    private final Counter collected;
    private long collectionsAfterOurs = -1;
    private ScheduledExecutorService ticker;

    @Inject
    IdleCollection(@ConfigProperty(name = "agent-runtime.idle-collection.after", defaultValue = "10s") Duration after,
            ReconcilesInFlight reconciles, MeterRegistry registry) {
        this(after, reconciles::idleNanos, IdleCollection::collectionsSoFar,
                ImageMode.current().isNativeImage() ? NativeHeap::collectGivingFreeChunksBack : System::gc, registry);
    }

    IdleCollection(Duration after, LongSupplier idleNanos, LongSupplier collections, Runnable collect, MeterRegistry registry) {
        this.after = after;
        this.idleNanos = idleNanos;
        this.collections = collections;
        this.collect = collect;
        this.collected = Counter.builder(IDLE_COLLECTIONS)
                .description("Full collections of the heap run because the operator had reconciled nothing for a while")
                .register(registry);
    }

    void start(@Observes StartupEvent started) {
        if (after.isZero() || after.isNegative()) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idle-collection");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tickLoggingFailures, 1, 1, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** A task that throws is never run again by its executor: a failed collection is logged and the next tick tries again. */
    void tickLoggingFailures() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("The idle collection failed; the operator runs on, and tries again when next idle", e);
        }
    }

    /** Collects when idle long enough and another collection has run since its own; says whether it collected. */
    synchronized boolean tick() {
        if (idleNanos.getAsLong() < after.toNanos()) {
            return false;
        }
        if (collections.getAsLong() == collectionsAfterOurs) {
            return false;
        }
        long start = System.nanoTime();
        collect.run();
        collectionsAfterOurs = collections.getAsLong();
        collected.increment();
        LOG.debugf("Idle for %s: collected the heap in %d ms (collections so far: %d)", after,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), collectionsAfterOurs);
        return true;
    }

    private static long collectionsSoFar() {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }
}
