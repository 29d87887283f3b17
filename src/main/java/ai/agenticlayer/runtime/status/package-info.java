/**
 * What a reconcile reports to people: status conditions and their server-side apply, Kubernetes Events, the log line of
 * a failure and how a failure is retried. Depends on {@code digest} and the API model only; used by every reconciler,
 * {@code children} and {@code metrics}.
 */
package ai.agenticlayer.runtime.status;
