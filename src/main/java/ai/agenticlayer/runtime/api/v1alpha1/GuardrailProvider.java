package ai.agenticlayer.runtime.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A guardrail API (OpenAI moderation, AWS Bedrock or Presidio) that Guards use. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("guardrailproviders")
@ShortNames("grp")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class GuardrailProvider extends CustomResource<GuardrailProviderSpec, ConditionedStatus> implements Namespaced {
}
