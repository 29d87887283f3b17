/**
 * What the informer caches keep of an object (stripped of field-manager bookkeeping, Secrets and ConfigMaps reduced to
 * digests) and how an informer may be given such a store. Depends on no other package of the operator; used by the
 * reconcilers, {@code configsource}, {@code children} and {@code metrics}.
 */
package ai.agenticlayer.runtime.cache;
