package ai.agenticlayer.runtime.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A guardrail that gateways apply to calls, backed by a GuardrailProvider. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("guards")
@ShortNames("grd")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Provider", jsonPath = ".spec.providerRef.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class Guard extends CustomResource<GuardSpec, ConditionedStatus> implements Namespaced {
}
