package ai.agenticlayer.runtime.config;

import java.time.Duration;
import java.time.ZonedDateTime;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Leader election for running several replicas: they compete for the Lease {@code agent-runtime-operator} in the
 * operator namespace, and only the holder reconciles. The SDK asks for this configuration in the prod profile only
 * (not in tests or dev mode); {@code agent-runtime.leader-election.enabled=false} turns it off there too.
 * <p>
 * Losing the Lease while running ends the process, so that Kubernetes restarts it as a follower. Stopping (SIGTERM) is
 * different: the SDK drains the reconciles in flight, then ends the election, and this class releases the Lease so that
 * a standby leads at once instead of after the lease duration. The SDK's own exit-on-stop would call
 * {@code System.exit} from inside the JVM's shutdown, which blocks forever.
 */
@ApplicationScoped
public class LeaderElection {

    private static final Logger LOG = Logger.getLogger(LeaderElection.class);

    private volatile boolean shuttingDown;
    private volatile boolean leading;
    /** The holder the elector saw last: on a takeover it reports the new holder just before it stops our leading. */
    private volatile String lastSeenHolder;

    /** Runs before the SDK's own shutdown observer (default priority), so that stopping is known when the election ends. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        shuttingDown = true;
    }

    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElectionConfiguration(OperatorConfig config, KubernetesClient client) {
        if (!config.leaderElection().enabled()) {
            return null; // the SDK then runs without leader election
        }
        OperatorConfig.LeaderElection election = config.leaderElection();
        LeaseLock lock = new LeaseLock(config.operatorNamespace(), election.leaseName(), election.identity());
        LeaderCallbacks callbacks = new LeaderCallbacks(() -> {
            leading = true;
            LOG.infof("Leading as %s", election.identity());
        }, () -> stoppedLeading(client, lock, election), leader -> {
            lastSeenHolder = leader;
            if (!leading && isAnotherHolder(leader, election.identity())) {
                LOG.infof("Standing by: %s leads", leader);
            }
        });
        return new LeaderElectionConfiguration(election.leaseName(), config.operatorNamespace(), election.leaseDuration(),
                election.renewDeadline(), election.retryPeriod(), election.identity(), callbacks, false);
    }

    private void stoppedLeading(KubernetesClient client, LeaseLock lock, OperatorConfig.LeaderElection election) {
        if (shuttingDown) {
            release(client, lock);
            return;
        }
        // leadership lost while running: another replica may reconcile now, so this one must stop at once
        LOG.errorf("Lost the leader Lease: %s; exiting so that the pod restarts as a follower",
                lossReason(election.identity(), lastSeenHolder, election.renewDeadline()));
        Thread exit = new Thread(() -> System.exit(1), "leader-lost-exit");
        exit.setDaemon(true);
        exit.start();
    }

    /**
     * Why the Lease was lost, from what the elector saw last: another holder, or no renewal within the deadline (the
     * API server unreachable or slow, or this process held up, as by CPU starvation or a paused node).
     */
    static String lossReason(String identity, String lastSeenHolder, Duration renewDeadline) {
        if (isAnotherHolder(lastSeenHolder, identity)) {
            return lastSeenHolder + " holds it now";
        }
        long millis = renewDeadline.toMillis();
        String deadline = millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
        return "not renewed within the renew deadline (agent-runtime.leader-election.renew-deadline=" + deadline + ")";
    }

    /** A released Lease has no holder (empty), and nothing was seen before the first read (null). */
    private static boolean isAnotherHolder(String holder, String identity) {
        return holder != null && !holder.isEmpty() && !holder.equals(identity);
    }

    /** As client-go's ReleaseOnCancel: no holder, a one-second duration, so that any candidate takes it over now. */
    static void release(KubernetesClient client, LeaseLock lock) {
        try {
            LeaderElectionRecord current = lock.get(client);
            if (current == null || !lock.identity().equals(current.getHolderIdentity())) {
                return;
            }
            ZonedDateTime now = ZonedDateTime.now();
            lock.update(client, new LeaderElectionRecord("", Duration.ofSeconds(1), now, now, current.getLeaderTransitions()));
            LOG.infof("Released the leader Lease %s", lock.describe());
        } catch (KubernetesClientException e) {
            LOG.warnf("Could not release the leader Lease %s; a standby leads once it expires: %s", lock.describe(), e.getMessage());
        }
    }
}
