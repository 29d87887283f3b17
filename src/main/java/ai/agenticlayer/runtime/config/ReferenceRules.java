package ai.agenticlayer.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;

/**
 * The reference policies in force for an Agent: one rule per AgentRuntimeConfiguration that sets one (the operator
 * namespace's, then the Agent's namespace's). A reference must be allowed by every rule, so a namespace can narrow
 * the platform's policy and never widen it. No rule: every namespace is allowed, as in the original operator.
 */
public record ReferenceRules(List<Rule> rules) {

    public static final ReferenceRules ALLOW_ALL = new ReferenceRules(List.of());

    /** The allowed namespaces of one configuration, named {@code namespace/name} in messages. */
    public record Rule(String configuration, List<String> allowedNamespaces) {

        /** The Agent's own namespace always; others by name, by prefix ({@code team-*}) or all ({@code *}). */
        public boolean allows(String from, String to) {
            return from.equals(to) || allowedNamespaces.stream().anyMatch(pattern -> pattern.endsWith("*")
                    ? to.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(to));
        }
    }

    /** These rules and the policy of one more configuration, if it sets one. */
    public ReferenceRules and(Optional<AgentRuntimeConfiguration> configuration) {
        return configuration
                .filter(arc -> arc.getSpec() != null && arc.getSpec().getReferencePolicy() != null
                        && arc.getSpec().getReferencePolicy().getAllowedNamespaces() != null)
                .map(arc -> {
                    List<Rule> more = new ArrayList<>(rules);
                    more.add(new Rule(arc.getMetadata().getNamespace() + "/" + arc.getMetadata().getName(),
                            List.copyOf(arc.getSpec().getReferencePolicy().getAllowedNamespaces())));
                    return new ReferenceRules(more);
                })
                .orElse(this);
    }

    /** Why a reference from one namespace to another is not allowed, naming the rule; empty when it is. */
    public Optional<String> forbids(String from, String to) {
        return rules.stream().filter(rule -> !rule.allows(from, to)).findFirst()
                .map(rule -> "namespace " + to + " is not allowed by the referencePolicy of AgentRuntimeConfiguration "
                        + rule.configuration() + " (allowedNamespaces: " + String.join(", ", rule.allowedNamespaces())
                        + "; an Agent's own namespace is always allowed)");
    }
}
