package ai.agenticlayer.runtime.agent;

import ai.agenticlayer.runtime.config.AgentDefaults;

/** What the reconciler resolved before the children are applied; the dependents read it from the context. */
record AgentInputs(AgentDefaults defaults, ResolvedReferences references) {
}
