/**
 * The Kubernetes client every part of the operator uses, and the interceptors that make fabric8's HTTP transport
 * honour {@code Retry-After} and fail a response body that never ends. Depends on no other package of the operator;
 * only the CDI container uses it directly (it produces the {@code KubernetesClient} bean).
 */
package ai.agenticlayer.runtime.client;
