package ai.agenticlayer.runtime.config;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;

/**
 * Leader election for running several replicas: they compete for the Lease {@code agent-runtime-operator} in the
 * operator namespace, and only the holder reconciles. The SDK asks for this configuration in the prod profile only
 * (not in tests or dev mode); {@code agent-runtime.leader-election.enabled=false} turns it off there too.
 */
@Dependent
public class LeaderElection {

    @Produces
    @Dependent
    LeaderElectionConfiguration leaderElectionConfiguration(OperatorConfig config) {
        if (!config.leaderElection().enabled()) {
            return null; // the SDK then runs without leader election
        }
        OperatorConfig.LeaderElection election = config.leaderElection();
        // exit when leadership is lost: Kubernetes restarts the pod, which then stands by as a follower
        return new LeaderElectionConfiguration(election.leaseName(), config.operatorNamespace(), election.leaseDuration(),
                election.renewDeadline(), election.retryPeriod(), election.identity(), null, true);
    }
}
