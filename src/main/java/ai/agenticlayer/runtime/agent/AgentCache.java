package ai.agenticlayer.runtime.agent;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.cache.Caches;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.health.InformerWrappingEventSourceHealthIndicator;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;

/**
 * The operator's one cache of Agents: the Agent controller's own informer. The Agent controller reads sub-agents there
 * and the AgenticWorkforce controller the agents of its graphs, and both follow its changes through {@link #changes}.
 * The SDK would give each of them an informer of its own: a watch and a copy of every Agent each (docs/scaling.md).
 */
@Singleton
public class AgentCache {

    /** As long as the SDK waits for an informer to sync by default. */
    private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(2);

    /** What an Agent change means to a controller: the primaries to reconcile again. */
    @FunctionalInterface
    public interface Affected {
        /** {@code before} is null for a new Agent, {@code now} for a deleted one. */
        Set<ResourceID> by(Agent before, Agent now);
    }

    private interface Listener {
        void changed(Agent before, Agent now);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile IndexedResourceCache<Agent> agents;

    /**
     * Called by the Agent controller with its primary cache; the returned event source, registered with that
     * controller, passes each change the controller sees on to the listeners.
     */
    EventSource<Agent, Agent> attach(IndexedResourceCache<Agent> primaryCache) {
        this.agents = primaryCache;
        return new Feed();
    }

    public Optional<Agent> get(String namespace, String name) {
        return agents.get(new ResourceID(name, namespace));
    }

    /** An event source for a controller of {@code P} that re-reconciles the primaries an Agent change affects. */
    public <P extends HasMetadata> EventSource<Agent, P> changes(String name, Affected affected) {
        return new Changes<>(name, affected);
    }

    private void awaitSynced() {
        long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
        while (!synced()) {
            if (System.nanoTime() > deadline) {
                throw new OperatorException("The cache of Agents did not sync within " + SYNC_TIMEOUT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperatorException("Interrupted while waiting for the cache of Agents", e);
            }
        }
    }

    /**
     * Every informer of the Agent controller (one per watched namespace, or one for all) has listed. The SDK starts the
     * controllers in parallel, so another controller's source may ask before the Agent controller's informer has
     * started: until then it has no informers to ask.
     */
    private boolean synced() {
        return Caches.started(agents)
                && agents instanceof InformerWrappingEventSourceHealthIndicator<?> informers
                && !informers.informerHealthIndicators().isEmpty()
                && informers.informerHealthIndicators().values().stream().allMatch(InformerHealthIndicator::hasSynced);
    }

    /** The SDK tells every event source of the Agent controller about each Agent event, after the cache has it. */
    private final class Feed extends AbstractEventSource<Agent, Agent> implements ResourceEventAware<Agent> {

        Feed() {
            super(Agent.class, "agent-cache");
        }

        @Override
        public void onResourceCreated(Agent agent) {
            listeners.forEach(listener -> listener.changed(null, agent));
        }

        @Override
        public void onResourceUpdated(Agent now, Agent before) {
            listeners.forEach(listener -> listener.changed(before, now));
        }

        @Override
        public void onResourceDeleted(Agent agent) {
            listeners.forEach(listener -> listener.changed(agent, null));
        }

        @Override
        public Set<Agent> getSecondaryResources(Agent primary) {
            return Set.of();
        }
    }

    private final class Changes<P extends HasMetadata> extends AbstractEventSource<Agent, P> {

        private final Affected affected;
        private final Listener listener = this::changed;

        Changes(String name, Affected affected) {
            super(Agent.class, name);
            this.affected = affected;
        }

        /** Starts once the Agents are listed, so that no reconcile of this controller reads a partial cache. */
        @Override
        public void start() {
            awaitSynced();
            super.start();
            listeners.add(listener);
        }

        @Override
        public void stop() {
            listeners.remove(listener);
            super.stop();
        }

        private void changed(Agent before, Agent now) {
            affected.by(before, now).forEach(primary -> getEventHandler().handleEvent(new Event(primary)));
        }

        @Override
        public Set<Agent> getSecondaryResources(P primary) {
            return Set.of();
        }
    }
}
