package ai.agenticlayer.runtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.agenticlayer.runtime.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The client maps an object's apiVersion and kind to a model class through the KubernetesResource lists of the fabric8
 * model jars; application.properties removes the lists of the API groups the operator never reads, which keeps their
 * kinds out of the native executable (docs/native.md). Each kind the operator watches, writes or builds from must still
 * map to its class (a watch event of a kind that does not is read twice: as a generic map, then converted to the
 * watched class), and the removed groups' kinds no longer do.
 */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
class ModelKindsTest {

    @Inject
    KubernetesClient client;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "apps/v1, Deployment, io.fabric8.kubernetes.api.model.apps.Deployment",
            "v1, Service, io.fabric8.kubernetes.api.model.Service",
            "v1, ConfigMap, io.fabric8.kubernetes.api.model.ConfigMap",
            "v1, Secret, io.fabric8.kubernetes.api.model.Secret",
            "coordination.k8s.io/v1, Lease, io.fabric8.kubernetes.api.model.coordination.v1.Lease",
            "events.k8s.io/v1, Event, io.fabric8.kubernetes.api.model.events.v1.Event",
            "apiextensions.k8s.io/v1, CustomResourceDefinition, io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition",
            // the build reads src/main/kubernetes' RBAC through the same lists into the OLM bundle
            "rbac.authorization.k8s.io/v1, ClusterRole, io.fabric8.kubernetes.api.model.rbac.ClusterRole",
    })
    void aKindTheOperatorReadsIsReadAsItsClass(String apiVersion, String kind, String modelClass) {
        assertThat(read(apiVersion, kind)).isInstanceOf(classNamed(modelClass));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "batch/v1, Job",
            "policy/v1, PodDisruptionBudget",
            "admissionregistration.k8s.io/v1, ValidatingAdmissionPolicy",
            "autoscaling/v2, HorizontalPodAutoscaler",
            "certificates.k8s.io/v1, CertificateSigningRequest",
            "node.k8s.io/v1, RuntimeClass",
            "extensions/v1beta1, Ingress",
    })
    void aKindOfARemovedGroupIsReadAsAGenericResource(String apiVersion, String kind) {
        assertThat(read(apiVersion, kind)).isExactlyInstanceOf(GenericKubernetesResource.class);
    }

    private KubernetesResource read(String apiVersion, String kind) {
        return client.getKubernetesSerialization().unmarshal(
                "{\"apiVersion\": \"%s\", \"kind\": \"%s\", \"metadata\": {\"name\": \"x\"}}".formatted(apiVersion, kind));
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
