package ai.agenticlayer.runtime.api.v1alpha1;

/** Protocol an agent exposes. */
public enum ProtocolType {
    A2A
}
