/**
 * Config rollout: the Secrets and ConfigMaps a container reads through {@code env} and {@code envFrom}, their digests,
 * the informers that watch them and the hash that rolls the pods when they change. Depends on {@code digest} and
 * {@code cache}; used by the Agent and ToolServer reconcilers and by {@code children}.
 */
package ai.agenticlayer.runtime.configsource;
