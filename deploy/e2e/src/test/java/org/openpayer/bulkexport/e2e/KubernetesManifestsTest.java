package org.openpayer.bulkexport.e2e;

import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpayer.bulkexport.model.event.Topic;
import org.openpayer.bulkexport.stack.infra.ProjectLayout;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Renders deploy/k8s with {@code kubectl kustomize} and checks the objects against the suite's contracts (ports,
 * health paths, shared configuration, the topics of {@link Topic}), so a manifest mistake fails the build rather than
 * a payer's rollout.
 */
class KubernetesManifestsTest {

    private static final String NAMESPACE = "payer-bulk";
    private static final Set<String> SERVICES =
            Set.of("auth-service", "attribution-service", "export-service", "file-service", "gateway");
    private static final String EXPORT_WORKER = "export-worker";
    private static final String CONFIG_MAP = "suite-config";
    private static final String SECRET = "suite-secrets";
    private static final int HTTP_PORT = 8080;

    /** The non-secret variables the services' application.properties read; a misspelled key would be ignored. */
    private static final Set<String> CONFIG_VARIABLES = Set.of("PUBLIC_BASE_URL", "DB_URL", "DB_USERNAME",
            "KAFKA_BOOTSTRAP_SERVERS", "S3_ENDPOINT", "S3_BUCKET", "AUTH_JWKS_URL", "HTTP_PORT", "MEMBER_DATA_DB_URL",
            "EXPORT_PATIENT_BATCH_SIZE", "EXPORT_WORKER_ENABLED", "S3_CREATE_BUCKET", "AUTH_SERVICE_URL",
            "ATTRIBUTION_SERVICE_URL", "EXPORT_SERVICE_URL", "FILE_SERVICE_URL",
            "ATTRIBUTION_PDEX_DOWNLOAD_BOOKKEEPING", "PAYER_IDENTIFIERS", "PAYER_PULL_KEY_DIR");
    private static final Set<String> SECRET_VARIABLES =
            Set.of("DB_PASSWORD", "S3_ACCESS_KEY", "S3_SECRET_KEY", "ADMIN_API_KEY");
    /** Read by the image's entry point (deploy/docker/Dockerfile.jvm), not by a service. */
    private static final String JAVA_OPTS = "JAVA_OPTS";

    private static final long RENDER_TIMEOUT_SECONDS = 60;
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static List<HasMetadata> rendered;

    /** Renders once for the whole class: every test is a different check of the same output. */
    @BeforeAll
    static void renderKustomization(@TempDir Path scratch) throws IOException, InterruptedException {
        rendered = parse(kustomize(ProjectLayout.locate().root().resolve("deploy/k8s"), scratch));
    }

    @Test
    void render_everyObject_hasOnlyKnownFields() {
        // when
        Set<String> genericKinds = objects(GenericKubernetesResource.class).stream()
                .map(HasMetadata::getKind)
                .collect(toSet());
        List<String> unknown = rendered.stream()
                .filter(object -> !(object instanceof GenericKubernetesResource))
                .flatMap(object -> unknownFields(object).stream())
                .toList();

        // then: only Strimzi's kind lies outside fabric8's model; a typo in apiVersion or kind would show up here too
        assertThat(genericKinds).containsExactly("KafkaTopic");
        assertThat(unknown).isEmpty();
    }

    @Test
    void unknownFields_misspelledProbe_reportsField() {
        // given
        String manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: misspelled
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: example/app:1
                          readinesProbe:
                            httpGet:
                              path: /q/health/ready
                              port: 8080
                """;

        // when
        List<String> unknown = parse(manifest).stream().flatMap(object -> unknownFields(object).stream()).toList();

        // then
        assertThat(unknown).containsExactly("Deployment/misspelled.spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void render_namespacedObjects_landInPayerBulk() {
        // when
        List<String> namespaces = objects(Namespace.class).stream().map(object -> object.getMetadata().getName())
                .toList();
        Map<String, String> namespaceOf = rendered.stream()
                .filter(object -> !(object instanceof Namespace))
                .collect(toMap(KubernetesManifestsTest::describe, object -> String.valueOf(object.getMetadata()
                        .getNamespace())));

        // then
        assertThat(namespaces).containsExactly(NAMESPACE);
        assertThat(namespaceOf).isNotEmpty()
                .allSatisfy((object, namespace) -> assertThat(namespace).isEqualTo(NAMESPACE));
    }

    @Test
    void render_suite_hasDeploymentPerApplicationAndServicePerApi() {
        // when
        Set<String> deployments = names(Deployment.class);
        Set<String> services = names(Service.class);

        // then: the workers pull their work from Kafka, so nothing needs to reach them through a Service
        Set<String> applications = new HashSet<>(SERVICES);
        applications.add(EXPORT_WORKER);
        assertThat(deployments).containsExactlyInAnyOrderElementsOf(applications);
        assertThat(services).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void render_selectors_matchPodLabelsAndHttpPort() {
        // when
        Map<String, Set<String>> selectedBy = objects(Service.class).stream().collect(toMap(
                KubernetesManifestsTest::name, service -> objects(Deployment.class).stream()
                        .filter(deployment -> podLabels(deployment).entrySet()
                                .containsAll(service.getSpec().getSelector().entrySet()))
                        .map(KubernetesManifestsTest::name)
                        .collect(toSet())));
        Map<String, String> servicePorts = objects(Service.class).stream().collect(toMap(KubernetesManifestsTest::name,
                service -> describePorts(service, deployment(name(service)).getSpec().getTemplate().getSpec()
                        .getContainers().get(0))));
        Map<String, Boolean> ownPodsSelected = objects(Deployment.class).stream().collect(toMap(
                KubernetesManifestsTest::name, deployment -> podLabels(deployment).entrySet()
                        .containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet())));

        // then: each Service reaches exactly its own Deployment's pods (an empty selector would match them all)
        assertThat(selectedBy).allSatisfy((service, deployments) -> assertThat(deployments).containsExactly(service));
        assertThat(servicePorts).allSatisfy((service, ports) -> assertThat(ports).isEqualTo("http:80->" + HTTP_PORT));
        assertThat(ownPodsSelected).allSatisfy((deployment, selected) -> assertThat(selected).isTrue());
    }

    @Test
    void render_everyContainer_probesHealthOnHttpPort() {
        // when
        Map<String, String> probes = containers(container -> "live "
                + describe(container.getLivenessProbe(), container)
                + ", ready " + describe(container.getReadinessProbe(), container));

        // then
        assertThat(probes).hasSize(SERVICES.size() + 1).allSatisfy((container, described) -> assertThat(described)
                .isEqualTo("live /q/health/live:" + HTTP_PORT + ", ready /q/health/ready:" + HTTP_PORT));
    }

    @Test
    void render_everyContainer_readsSuiteConfigAndSecrets() {
        // when
        Map<String, Set<String>> sources = containers(container -> container.getEnvFrom().stream()
                .map(KubernetesManifestsTest::describe)
                .collect(toSet()));

        // then: both sources exist, otherwise the pods would stay in CreateContainerConfigError
        assertThat(sources).hasSize(SERVICES.size() + 1).allSatisfy((container, names) -> assertThat(names)
                .containsExactlyInAnyOrder("ConfigMap/" + CONFIG_MAP, "Secret/" + SECRET));
        assertThat(names(ConfigMap.class)).containsExactly(CONFIG_MAP);
        assertThat(names(Secret.class)).containsExactly(SECRET);
    }

    @Test
    void render_environment_usesOnlyDocumentedVariables() {
        // when
        Set<String> configKeys = objects(ConfigMap.class).get(0).getData().keySet();
        Secret secret = objects(Secret.class).get(0);
        Set<String> secretKeys = new HashSet<>(Optional.ofNullable(secret.getStringData()).orElse(Map.of()).keySet());
        secretKeys.addAll(Optional.ofNullable(secret.getData()).orElse(Map.of()).keySet());
        Set<String> containerEnv = containers(container -> container.getEnv().stream().map(EnvVar::getName).toList())
                .values().stream().flatMap(List::stream).collect(toSet());

        // then: no secret sits in the ConfigMap, and every secret a service needs is provided
        assertThat(configKeys).isSubsetOf(CONFIG_VARIABLES);
        assertThat(secretKeys).containsExactlyInAnyOrderElementsOf(SECRET_VARIABLES);
        Set<String> allowedEnv = new HashSet<>(CONFIG_VARIABLES);
        allowedEnv.add(JAVA_OPTS);
        assertThat(containerEnv).isSubsetOf(allowedEnv);
    }

    @Test
    void render_kafkaTopics_matchTopicEnum() {
        // given: Topic.java is the one source of truth for names and partition counts
        Map<String, Integer> expected = Arrays.stream(Topic.values())
                .collect(toMap(Topic::topicName, Topic::partitions));

        // when
        List<GenericKubernetesResource> topics = objects(GenericKubernetesResource.class);
        Map<String, Integer> declared = topics.stream().collect(toMap(KubernetesManifestsTest::name,
                topic -> ((Number) topic.get("spec", "partitions")).intValue()));

        // then
        assertThat(declared).isEqualTo(expected);
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "payer-kafka");
        });
    }

    @Test
    void render_exportDeployments_splitApiFromWorkers() {
        // when
        Container api = deployment("export-service").getSpec().getTemplate().getSpec().getContainers().get(0);
        Container worker = deployment(EXPORT_WORKER).getSpec().getTemplate().getSpec().getContainers().get(0);

        // then: one image, with only the task consumer switched between the two Deployments
        assertThat(worker.getImage()).isEqualTo(api.getImage());
        assertThat(api.getEnv()).contains(new EnvVar("EXPORT_WORKER_ENABLED", "false", null));
        assertThat(worker.getEnv()).contains(new EnvVar("EXPORT_WORKER_ENABLED", "true", null));
    }

    private static String kustomize(Path manifests, Path scratch) throws IOException, InterruptedException {
        Path kubectl = onPath("kubectl").orElseThrow(() -> new AssertionError("kubectl is not on the PATH; install"
                + " kubectl, or Debian's kubernetes-client package, to check the manifests in " + manifests));
        // Files, not pipes: a full pipe would stall kubectl, and its deprecation warnings on stderr are not YAML.
        Path out = scratch.resolve("rendered.yaml");
        Path err = scratch.resolve("kustomize.log");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", manifests.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("kubectl kustomize " + manifests + " did not finish within " + RENDER_TIMEOUT_SECONDS + " s");
        }
        assertThat(process.exitValue()).as("kubectl kustomize %s: %s", manifests, Files.readString(err)).isZero();
        return Files.readString(out);
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Each YAML document as fabric8's typed model of its kind, or a generic resource for a kind it does not know. */
    private static List<HasMetadata> parse(String yaml) {
        return Stream.of(yaml.split("(?m)^---\\s*$"))
                .filter(document -> !document.isBlank())
                .map(document -> (HasMetadata) SERIALIZATION.unmarshal(document, KubernetesResource.class))
                .toList();
    }

    /**
     * Paths of the fields a typed object did not recognise. fabric8 keeps them in {@code additionalProperties} and
     * writes them back out, so neither parsing nor a round trip notices a misspelled field; only this walk does.
     */
    private static List<String> unknownFields(HasMetadata object) {
        List<String> found = new ArrayList<>();
        collectUnknownFields(object, describe(object), found);
        return found;
    }

    private static void collectUnknownFields(Object node, String path, List<String> found) {
        if (node instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + index++ + "]", found);
            }
        } else if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> collectUnknownFields(value, path + "." + key, found));
        } else if (node != null && node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (PropertyDescriptor property : readableProperties(node.getClass())) {
                Object value = read(property, node);
                if (property.getName().equals("additionalProperties")) {
                    ((Map<?, ?>) value).keySet().forEach(key -> found.add(path + "." + key));
                } else {
                    collectUnknownFields(value, path + "." + property.getName(), found);
                }
            }
        }
    }

    private static List<PropertyDescriptor> readableProperties(Class<?> type) {
        try {
            return Stream.of(Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors())
                    .filter(property -> property.getReadMethod() != null)
                    .toList();
        } catch (IntrospectionException e) {
            throw new IllegalStateException("cannot inspect " + type.getName(), e);
        }
    }

    private static Object read(PropertyDescriptor property, Object node) {
        try {
            return property.getReadMethod().invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + property.getName() + " of " + node.getClass(), e);
        }
    }

    private static <T> List<T> objects(Class<T> type) {
        return rendered.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Set<String> names(Class<? extends HasMetadata> type) {
        return objects(type).stream().map(KubernetesManifestsTest::name).collect(toSet());
    }

    private static Deployment deployment(String name) {
        return objects(Deployment.class).stream().filter(deployment -> name(deployment).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    /** Applies {@code view} to every container of every Deployment, keyed by deployment/container. */
    private static <T> Map<String, T> containers(Function<Container, T> view) {
        return objects(Deployment.class).stream()
                .flatMap(deployment -> deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                        .map(container -> Map.entry(name(deployment) + "/" + container.getName(), container)))
                .collect(toMap(Map.Entry::getKey, entry -> view.apply(entry.getValue())));
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static String describe(HasMetadata object) {
        return object.getKind() + "/" + name(object);
    }

    private static String describe(EnvFromSource source) {
        return source.getConfigMapRef() != null ? "ConfigMap/" + source.getConfigMapRef().getName()
                : "Secret/" + source.getSecretRef().getName();
    }

    private static String describe(Probe probe, Container container) {
        if (probe == null || probe.getHttpGet() == null) {
            return "no HTTP probe";
        }
        return probe.getHttpGet().getPath() + ":" + containerPort(container, probe.getHttpGet().getPort());
    }

    /** A Service's ports as name:port->container port, resolving named target ports against the container. */
    private static String describePorts(Service service, Container container) {
        return service.getSpec().getPorts().stream()
                .map(port -> port.getName() + ":" + port.getPort() + "->" + containerPort(container, targetPort(port)))
                .reduce((left, right) -> left + ", " + right)
                .orElse("no ports");
    }

    private static IntOrString targetPort(ServicePort port) {
        // Kubernetes defaults the target port to the port itself.
        return port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
    }

    /** The container port a probe or Service means: a number as is, a name looked up among the container's ports. */
    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(candidate -> port.getStrVal().equals(candidate.getName()))
                .mapToInt(candidate -> candidate.getContainerPort())
                .findFirst()
                .orElse(-1);
    }
}
