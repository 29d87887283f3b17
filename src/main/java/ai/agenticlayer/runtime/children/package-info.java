/**
 * The Deployments and Services the operator owns: building blocks of their desired state, the labels that put them in
 * the informers, the desired-state hash, and the dependent resource and workflow that apply them with server-side
 * apply and report what changed as one Event. Depends on {@code digest}, {@code cache}, {@code status} and
 * {@code configsource}; used by the feature packages.
 */
package ai.agenticlayer.runtime.children;
