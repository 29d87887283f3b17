package ai.agenticlayer.runtime.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** An LLM proxy that agents call; reconciled by the implementation its class names. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("aigateways")
@ShortNames("aigw")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Class", jsonPath = ".spec.aiGatewayClassName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Port", jsonPath = ".spec.port", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class AiGateway extends CustomResource<AiGatewaySpec, ConditionedStatus> implements Namespaced {
}
