package ai.agenticlayer.runtime.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A named group of agents, given by its entry points; the operator lists every agent and tool they reach. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("agenticworkforces")
@ShortNames("awf")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Owner", jsonPath = ".spec.owner", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Agents", jsonPath = ".status.readyAgents", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Paused", jsonPath = PrinterColumns.PAUSED, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class AgenticWorkforce extends CustomResource<AgenticWorkforceSpec, AgenticWorkforceStatus> implements Namespaced {
}
