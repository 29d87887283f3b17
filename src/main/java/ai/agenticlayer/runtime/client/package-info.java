/**
 * The Kubernetes client every part of the operator uses: the interceptors that make fabric8's HTTP transport honour
 * {@code Retry-After} and fail a response body that never ends, and the compact decoding of what it reads. Depends on
 * no other package of the operator; only the CDI container uses it directly (it produces the {@code KubernetesClient}
 * bean).
 */
package ai.agenticlayer.runtime.client;
