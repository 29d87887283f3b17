/**
 * Deterministic forms of an object's content: canonical JSON and a cut SHA-256. The bottom of the operator's
 * packages: depends on none of them, and any may use it.
 */
package ai.agenticlayer.runtime.digest;
