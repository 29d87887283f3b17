package ai.agenticlayer.runtime.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Defaults for Agents: in the operator's namespace for the whole cluster, in another namespace for the Agents of
 * that namespace. A field of an Agent always wins.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("agentruntimeconfigurations")
@ShortNames("arc")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Default Framework", jsonPath = ".spec.defaultFramework", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Google ADK Image", jsonPath = ".spec.agentTemplateImages.googleAdk", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "MSAF Image", jsonPath = ".spec.agentTemplateImages.msaf", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Accepted", jsonPath = ".status.conditions[?(@.type==\"Accepted\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class AgentRuntimeConfiguration extends CustomResource<AgentRuntimeConfigurationSpec, ObservedStatus>
        implements Namespaced {
}
