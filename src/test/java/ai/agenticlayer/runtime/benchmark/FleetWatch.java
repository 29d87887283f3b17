package ai.agenticlayer.runtime.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * What a user sees of the fleet, through watches as an outside harness (or {@code kubectl get -w}) would follow it:
 * which Agents, ToolServers and AgenticWorkforces report {@code Ready=True}, and when the last Event arrived. The same
 * for every operator, ours or the original, and nothing read from an operator's own metrics.
 */
final class FleetWatch implements AutoCloseable {

    private static final List<String> KINDS = List.of("Agent", "ToolServer", "AgenticWorkforce");

    /** Kind/namespace/name of every object whose Ready condition is True. */
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong lastEventNanos = new AtomicLong(System.nanoTime());
    private final List<Watch> watches = new ArrayList<>();
    /** Why a watch ended that the client could not resume (410 Gone, for one): what it no longer sees, it cannot wait for. */
    private final AtomicReference<WatcherException> closedBy = new AtomicReference<>();

    private FleetWatch() {
    }

    /** Watches the three kinds and Events in every namespace, from their current state on. */
    static FleetWatch start(KubernetesClient client) {
        FleetWatch fleet = new FleetWatch();
        for (String kind : KINDS) {
            ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup("runtime.agentic-layer.ai")
                    .withVersion("v1alpha1").withKind(kind).withPlural(kind.toLowerCase() + "s").withNamespaced(true).build();
            fleet.watches.add(client.genericKubernetesResources(context).inAnyNamespace().watch(fleet.readiness(kind)));
        }
        fleet.watches.add(client.v1().events().inAnyNamespace().watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, io.fabric8.kubernetes.api.model.Event event) {
                if (action == Action.ADDED) {
                    fleet.events.incrementAndGet();
                    fleet.lastEventNanos.set(System.nanoTime());
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                fleet.closed(cause);
            }
        }));
        return fleet;
    }

    private Watcher<GenericKubernetesResource> readiness(String kind) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource object) {
                String key = kind + "/" + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
                if (action != Action.DELETED && isReady(object)) {
                    ready.add(key);
                } else {
                    ready.remove(key);
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                closed(cause);
            }
        };
    }

    /** A watch's end: null when this closed it, the cause when the server or the connection did. */
    private void closed(WatcherException cause) {
        if (cause != null) {
            closedBy.compareAndSet(null, cause);
        }
    }

    /** Fails at once when a watch has ended, rather than waiting out a timeout for changes it can no longer see. */
    private void checkOpen() {
        if (closedBy.get() != null) {
            throw new IllegalStateException("a watch of the fleet closed", closedBy.get());
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean isReady(GenericKubernetesResource object) {
        Object status = object.getAdditionalProperties().get("status");
        if (!(status instanceof Map<?, ?> map) || !(map.get("conditions") instanceof List<?> conditions)) {
            return false;
        }
        return conditions.stream().map(c -> (Map<String, Object>) c)
                .anyMatch(c -> "Ready".equals(c.get("type")) && "True".equals(c.get("status")));
    }

    /** How many objects of {@code kind} are Ready now. */
    long ready(String kind) {
        String prefix = kind + "/";
        return ready.stream().filter(key -> key.startsWith(prefix)).count();
    }

    /** Until {@code expected} objects of {@code kind} are Ready. */
    void awaitReady(String kind, long expected, Duration timeout) throws InterruptedException {
        awaitReady(kind, expected, timeout, () -> true);
    }

    /**
     * As {@link #awaitReady(String, long, Duration)}, failing at once when the operator's process ends: an operator that
     * exits (the original in too small a memory limit, its Lease lost) makes nothing Ready, and the timeout is long.
     */
    void awaitReady(String kind, long expected, Duration timeout, OperatorProcess operator) throws InterruptedException {
        awaitReady(kind, expected, timeout, operator::isAlive);
    }

    private void awaitReady(String kind, long expected, Duration timeout, BooleanSupplier operatorRuns) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ready(kind) < expected) {
            checkOpen();
            if (!operatorRuns.getAsBoolean()) {
                throw new NotReady("the operator exited", kind, ready(kind), expected);
            }
            if (System.nanoTime() > deadline) {
                throw new NotReady("timed out", kind, ready(kind), expected);
            }
            Thread.sleep(100);
        }
    }

    /** Not all the objects of a kind became Ready in time, or before the operator exited: how many did. */
    static final class NotReady extends IllegalStateException {
        private final long ready;

        NotReady(String why, String kind, long ready, long expected) {
            super(why + ": " + ready + " of " + expected + " " + kind + "s Ready");
            this.ready = ready;
        }

        long ready() {
            return ready;
        }
    }

    /** Events seen so far. */
    long events() {
        return events.get();
    }

    /** Until no new Event has arrived for {@code quiet}; returns when the last one arrived (System.nanoTime()). */
    long awaitNoNewEvents(Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - lastEventNanos.get() < quiet.toNanos()) {
            checkOpen();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out: Events still arriving");
            }
            Thread.sleep(100);
        }
        return lastEventNanos.get();
    }

    @Override
    public void close() {
        watches.forEach(Watch::close);
    }
}
