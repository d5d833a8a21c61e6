package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.flowseg.deployment.RenderedManifests.Overlay;
import io.flowseg.deployment.SecretReferences.SecretReference;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes deployment in k8s/, as kustomize renders it: each overlay, and the CPU overlay
 * with the optional client-certificate component, checked against what flowseg really reads
 * (application.properties, Kafka's client settings, the launcher) and against itself (selectors,
 * ports, Secrets, KEDA's view of the pods).
 */
class KubernetesManifestsTest {
    private static final String NAMESPACE = "flowseg";
    private static final Path WITH_CLIENT_CERTIFICATE = Path.of("src/test/resources/k8s/kafka-client-certificate");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final String GPU = "nvidia.com/gpu";
    private static final ApplicationProperties PROPERTIES = ApplicationProperties.load();

    /** Every kustomization an operator may apply: the two overlays, and one with the component. */
    static Stream<Path> kustomizations() {
        return Stream.of(Overlay.CPU.folder(), Overlay.GPU.folder(), WITH_CLIENT_CERTIFICATE);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void rendersTheDeploymentsObjectsAndNoSecret(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        Set<String> names = manifests.objects().stream().map(RenderedManifests::nameOf)
                .map(name -> name.startsWith("ConfigMap/flowseg-config-") ? "ConfigMap/flowseg-config-<hash>" : name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("Namespace/flowseg", "ServiceAccount/flowseg", "ConfigMap/flowseg-config-<hash>",
                "StatefulSet/flowseg", "Service/flowseg", "PodDisruptionBudget/flowseg", "NetworkPolicy/flowseg",
                "ServiceMonitor/flowseg", "ScaledObject/flowseg", "TriggerAuthentication/flowseg-kafka")), names);
        for (Object object : manifests.objects()) {
            if (!(object instanceof Namespace)) {
                assertEquals(NAMESPACE, RenderedManifests.metadataOf(object).getNamespace(), RenderedManifests.nameOf(object));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void probesAskQuarkusHealthOnTheHttpPort(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        Container container = manifests.container();
        ContainerPort http = httpPort(container);
        assertEquals(Integer.parseInt(effectiveSetting(manifests, "quarkus.http.port")), http.getContainerPort());
        assertEquals(8080, http.getContainerPort());

        assertHttpProbe(container.getStartupProbe(), "/q/health/started");
        assertHttpProbe(container.getLivenessProbe(), "/q/health/live");
        assertHttpProbe(container.getReadinessProbe(), "/q/health/ready");
        Probe startup = container.getStartupProbe();
        assertTrue(startup.getPeriodSeconds() * startup.getFailureThreshold() >= 120,
                "the startup probe must give a cold JVM on a busy node minutes, not seconds");
    }

    @Test
    void probePathsOfTheHelperAreTheRenderedOnes() {
        for (Overlay overlay : Overlay.values()) {
            assertEquals(List.of("/q/health/started", "/q/health/live", "/q/health/ready"),
                    RenderedManifests.probePaths(overlay).all());
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void runsServeUnprivilegedWithoutAKubernetesToken(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        Container container = manifests.container();
        PodSpec pod = manifests.workload().getSpec().getTemplate().getSpec();
        assertEquals(List.of("serve"), container.getArgs());
        assertEquals(List.of(), container.getCommand(), "the image's entrypoint is the launcher");

        SecurityContext security = container.getSecurityContext();
        assertEquals(Boolean.TRUE, security.getRunAsNonRoot());
        assertEquals(185L, security.getRunAsUser());
        assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop());
        assertEquals(List.of(), security.getCapabilities().getAdd());
        assertEquals("RuntimeDefault", security.getSeccompProfile().getType());
        PodSecurityContext podSecurity = pod.getSecurityContext();
        assertEquals(Boolean.TRUE, podSecurity.getRunAsNonRoot());
        assertEquals("RuntimeDefault", podSecurity.getSeccompProfile().getType());

        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
        ServiceAccount account = manifests.the(ServiceAccount.class);
        assertEquals(account.getMetadata().getName(), pod.getServiceAccountName());
        assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken());
        assertEquals(Boolean.FALSE, pod.getEnableServiceLinks(), "service links would inject FLOWSEG_*/KAFKA_* look-alikes");
        assertEquals("restricted", manifests.the(Namespace.class)
                .getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void writesOnlyToEmptyDirsAndTmpIsOne(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        Map<String, Volume> volumes = manifests.workload().getSpec().getTemplate().getSpec().getVolumes().stream()
                .collect(Collectors.toMap(Volume::getName, volume -> volume));
        for (VolumeMount mount : manifests.container().getVolumeMounts()) {
            Volume volume = volumes.get(mount.getName());
            assertNotNull(volume, "mount of an undeclared volume " + mount.getName());
            boolean writable = !Boolean.TRUE.equals(mount.getReadOnly());
            assertEquals(volume.getEmptyDir() != null, writable, mount.getMountPath() + ": writable exactly when an emptyDir");
        }
        assertTrue(manifests.container().getVolumeMounts().stream()
                        .anyMatch(mount -> mount.getMountPath().equals("/tmp") && volumes.get(mount.getName()).getEmptyDir() != null),
                "java.io.tmpdir (/tmp) must be a writable emptyDir");
        assertTrue(PROPERTIES.value("kafka-streams.state.dir").orElseThrow().startsWith("${java.io.tmpdir}/"),
                "the Kafka Streams state directory is expected under java.io.tmpdir, the /tmp emptyDir");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void flowsegVariablesNameSettingsFlowsegReads(Path kustomization) throws IOException {
        Set<String> launcherVariables = LauncherVariables.read();
        assertEquals(List.of(), variablesNamingNothing(kustomization, "FLOWSEG_",
                        name -> PROPERTIES.hasKeyFor(name) || launcherVariables.contains(name)),
                "FLOWSEG_* variables that name no key of application.properties nor a launcher variable");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void kafkaVariablesNameKafkaClientSettings(Path kustomization) {
        Set<String> settings = KafkaClientSettings.names();
        assertEquals(List.of(), variablesNamingNothing(kustomization, KafkaClientSettings.PREFIX,
                        name -> settings.contains(KafkaClientSettings.fromEnvironmentName(name))),
                "KAFKA_* variables that are no Kafka client setting");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void kafkaLoginIsScramOverTlsComposedFromTheSecret(Path kustomization) {
        ContainerEnvironment environment = RenderedManifests.of(kustomization).environment();
        assertEquals(List.of(), environment.undeclaredReferences(), "$(NAME) must follow NAME's declaration");
        assertEquals(Optional.of("SASL_SSL"), environment.literal("KAFKA_SECURITY_PROTOCOL"));
        assertEquals(Optional.of("SCRAM-SHA-512"), environment.literal("KAFKA_SASL_MECHANISM"));
        assertEquals(Optional.of("org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"$(SASL_USERNAME)\" password=\"$(SASL_PASSWORD)\";"),
                environment.literal("KAFKA_SASL_JAAS_CONFIG"));
        assertEquals(new SecretReference("flowseg-kafka-user", "username", ""), fromSecret(environment, "SASL_USERNAME"));
        assertEquals(new SecretReference("flowseg-kafka-user", "password", ""), fromSecret(environment, "SASL_PASSWORD"));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void transactionalIdIsThePodsStableName(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        ContainerEnvironment environment = manifests.environment();
        String transactionalId = environment.literal(ApplicationProperties.environmentName("flowseg.processor.transactional-id"))
                .orElseThrow(() -> new AssertionError("FLOWSEG_PROCESSOR_TRANSACTIONAL_ID is not set to a literal"));
        Matcher reference = REFERENCE.matcher(transactionalId);
        assertTrue(reference.find(), "the transactional id must include the pod's name: " + transactionalId);
        EnvVar podName = environment.variable(reference.group(1)).orElseThrow();
        assertEquals("metadata.name", podName.getValueFrom().getFieldRef().getFieldPath());
        // Pod names survive a restart only in a StatefulSet (a Deployment's replacement pod gets a new name).
        assertEquals(StatefulSet.class, manifests.workload().getClass());
        assertNull(manifests.workload().getSpec().getReplicas(), "KEDA owns the replica count");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void terminationGraceOutlastsTheDrain(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        Duration drain = Duration.parse("PT" + effectiveSetting(manifests, "flowseg.processor.drain-timeout").toUpperCase(Locale.ROOT));
        long grace = manifests.workload().getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertTrue(grace >= drain.toSeconds() + 15, "grace " + grace + " s, drain " + drain.toSeconds() + " s");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void trustStoresAreFilesOfMountedSecrets(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        ContainerEnvironment environment = manifests.environment();
        for (String variable : List.of("KAFKA_SSL_TRUSTSTORE_LOCATION", "FLOWSEG_REGISTRY_TRUST_STORE")) {
            String path = environment.literal(variable).orElseThrow(() -> new AssertionError(variable + " unset"));
            assertTrue(SecretReferences.mountedFile(manifests, path).isPresent(), variable + "=" + path + " is in no mounted Secret");
        }
        assertEquals("https", URI.create(environment.literal("FLOWSEG_REGISTRY_URL").orElseThrow()).getScheme());
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everySecretKeyReadIsDocumentedInTheExample(Path kustomization) {
        DocumentedSecrets documented = DocumentedSecrets.load();
        List<SecretReference> undocumented = SecretReferences.in(RenderedManifests.of(kustomization)).stream()
                .filter(reference -> !documented.documents(reference.secret(), reference.key()))
                .toList();
        assertEquals(List.of(), undocumented, "Secret keys missing from " + DocumentedSecrets.FILE);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void kedaScalesTheWorkloadOnTheLagOfTheGroupAndTopicThePodsConsume(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        KedaScaledObject.Spec scaling = manifests.the(KedaScaledObject.class).spec();
        StatefulSet workload = manifests.workload();
        assertEquals(workload.getApiVersion(), scaling.scaleTargetRef().apiVersion());
        assertEquals(workload.getKind(), scaling.scaleTargetRef().kind());
        assertEquals(workload.getMetadata().getName(), scaling.scaleTargetRef().name());
        assertEquals(manifests.container().getName(), scaling.scaleTargetRef().envSourceContainerName());
        assertEquals(1, scaling.triggers().size());
        KedaScaledObject.Trigger trigger = scaling.triggers().get(0);
        assertEquals("kafka", trigger.type());

        ContainerEnvironment environment = manifests.environment();
        KedaScaledObject.KafkaTriggerMetadata kafka = trigger.metadata();
        assertEquals(Optional.of(effectiveSetting(manifests, "kafka.bootstrap.servers")),
                environment.literal(kafka.bootstrapServersFromEnv()));
        assertEquals(PROPERTIES.value("flowseg.processor.group-id"), environment.literal(kafka.consumerGroupFromEnv()));
        assertEquals(PROPERTIES.value("flowseg.topics.studies"), environment.literal(kafka.topicFromEnv()));
        assertTrue(Integer.parseInt(kafka.lagThreshold()) > 0);
        assertEquals("earliest", kafka.offsetResetPolicy(), "as the pods' consumer resets (KafkaClients.studyConsumer)");
        assertEquals("scram_sha512", kafka.sasl());
        assertEquals("SCRAM-SHA-512", environment.literal("KAFKA_SASL_MECHANISM").orElseThrow());
        assertEquals("enable", kafka.tls());
        assertEquals(manifests.the(KedaTriggerAuthentication.class).metadata().getName(), trigger.authenticationRef().name());
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void replicasStopAtThePartitionsOfTheStudiesTopic(Path kustomization) {
        KedaScaledObject scaledObject = RenderedManifests.of(kustomization).the(KedaScaledObject.class);
        int partitions = Integer.parseInt(scaledObject.metadata().getAnnotations().get("flowseg.io/studies-partitions"));
        assertEquals(1, scaledObject.spec().minReplicaCount());
        assertTrue(scaledObject.spec().maxReplicaCount() <= partitions,
                "a replica beyond the partitions of flowseg.studies would sit idle");
        assertFalse("true".equals(scaledObject.spec().triggers().get(0).metadata().allowIdleConsumers()));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void kedaLogsInWithThePodsSecrets(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        ContainerEnvironment environment = manifests.environment();
        Map<String, SecretReference> parameters = manifests.the(KedaTriggerAuthentication.class).spec().secretTargetRef().stream()
                .collect(Collectors.toMap(KedaTriggerAuthentication.SecretTargetRef::parameter,
                        target -> new SecretReference(target.name(), target.key(), "")));
        assertEquals(fromSecret(environment, "SASL_USERNAME"), parameters.get("username"));
        assertEquals(fromSecret(environment, "SASL_PASSWORD"), parameters.get("password"));
        SecretReference trustStore = SecretReferences.mountedFile(manifests,
                environment.literal("KAFKA_SSL_TRUSTSTORE_LOCATION").orElseThrow()).orElseThrow();
        assertEquals(trustStore.secret(), parameters.get("ca").secret(), "KEDA must trust the CA the pods trust");
        Optional<SecretReference> keyStore = environment.literal("KAFKA_SSL_KEYSTORE_LOCATION")
                .flatMap(path -> SecretReferences.mountedFile(manifests, path));
        assertEquals(keyStore.map(SecretReference::secret), Optional.ofNullable(parameters.get("cert")).map(SecretReference::secret),
                "KEDA presents a client certificate exactly when the pods do, the same one");
        assertEquals(keyStore.map(SecretReference::secret), Optional.ofNullable(parameters.get("key")).map(SecretReference::secret));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void serviceMonitorPdbAndNetworkPolicySelectThePods(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        Map<String, String> pod = manifests.podLabels();
        StatefulSet workload = manifests.workload();
        Service service = manifests.the(Service.class);
        assertSelects(workload.getSpec().getSelector().getMatchLabels(), pod, "StatefulSet selector");
        assertSelects(service.getSpec().getSelector(), pod, "Service selector");
        assertSelects(manifests.the(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels(), pod, "PDB selector");
        assertSelects(manifests.the(NetworkPolicy.class).getSpec().getPodSelector().getMatchLabels(), pod, "NetworkPolicy");
        for (TopologySpreadConstraint spread : workload.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()) {
            assertSelects(spread.getLabelSelector().getMatchLabels(), pod, "topology spread " + spread.getTopologyKey());
        }
        assertEquals(service.getMetadata().getName(), workload.getSpec().getServiceName());

        ServicePort servicePort = service.getSpec().getPorts().stream().filter(port -> "http".equals(port.getName()))
                .findFirst().orElseThrow();
        assertEquals("ClusterIP", service.getSpec().getType());
        assertEquals(8080, servicePort.getPort());
        assertEquals(httpPort(manifests.container()).getName(), servicePort.getTargetPort().getStrVal());

        ServiceMonitor monitor = manifests.the(ServiceMonitor.class);
        assertSelects(monitor.getSpec().getSelector().getMatchLabels(), service.getMetadata().getLabels(), "ServiceMonitor");
        assertEquals(1, monitor.getSpec().getEndpoints().size());
        Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
        assertEquals(servicePort.getName(), endpoint.getPort());
        assertEquals("/q/metrics", endpoint.getPath());
        assertEquals("30s", endpoint.getInterval());
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void networkPolicyOpensWhatFlowsegUses(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        NetworkPolicy policy = manifests.the(NetworkPolicy.class);
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            assertFalse(rule.getFrom().isEmpty(), "an ingress rule without sources admits everyone");
            for (NetworkPolicyPort port : rule.getPorts()) {
                assertEquals(httpPort(manifests.container()).getContainerPort(), port.getPort().getIntVal(), "ingress only to HTTP");
            }
        }
        List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
        assertTrue(egressAllows(egress, 53, "UDP"), "DNS");
        ContainerEnvironment environment = manifests.environment();
        for (String broker : environment.literal("KAFKA_BOOTSTRAP_SERVERS").orElseThrow().split(",")) {
            int port = Integer.parseInt(broker.substring(broker.lastIndexOf(':') + 1).trim());
            assertTrue(egressAllows(egress, port, "TCP"), "egress to the broker " + broker);
        }
        URI registry = URI.create(environment.literal("FLOWSEG_REGISTRY_URL").orElseThrow());
        int registryPort = registry.getPort() != -1 ? registry.getPort() : 443;
        assertTrue(egressAllows(egress, registryPort, "TCP"), "egress to the registry " + registry);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void resourcesAreBoundedAndLibtorchThreadsFollowTheCpuLimit(Path kustomization) {
        RenderedManifests manifests = RenderedManifests.of(kustomization);
        Container container = manifests.container();
        ResourceRequirements resources = container.getResources();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = resources.getRequests().get(resource);
            Quantity limit = resources.getLimits().get(resource);
            assertNotNull(request, "request " + resource);
            assertNotNull(limit, "limit " + resource);
            assertTrue(request.compareTo(limit) <= 0, resource + " request above its limit");
        }
        EnvVar threads = manifests.environment().variable("OMP_NUM_THREADS").orElseThrow();
        assertEquals("limits.cpu", threads.getValueFrom().getResourceFieldRef().getResource());
        assertEquals(container.getName(), threads.getValueFrom().getResourceFieldRef().getContainerName());
    }

    @Test
    void gpuOverlayAsksForOneGpuOnGpuNodes() {
        RenderedManifests gpu = RenderedManifests.of(Overlay.GPU);
        PodSpec pod = gpu.workload().getSpec().getTemplate().getSpec();
        assertEquals(new Quantity("1"), gpu.container().getResources().getLimits().get(GPU));
        assertEquals("true", pod.getNodeSelector().get("nvidia.com/gpu.present"));
        assertTrue(toleratesGpuTaint(pod.getTolerations()), "toleration for the " + GPU + " NoSchedule taint");
        assertTrue(gpu.container().getImage().startsWith("ghcr.io/flowseg/flowseg:"));
        assertTrue(gpu.container().getImage().endsWith("-cuda"), gpu.container().getImage());
        assertTrue(gpu.the(KedaScaledObject.class).spec().maxReplicaCount()
                <= RenderedManifests.of(Overlay.CPU).the(KedaScaledObject.class).spec().maxReplicaCount());
    }

    @Test
    void cpuOverlayAsksForNoGpu() {
        RenderedManifests cpu = RenderedManifests.of(Overlay.CPU);
        PodSpec pod = cpu.workload().getSpec().getTemplate().getSpec();
        assertFalse(cpu.container().getResources().getLimits().containsKey(GPU));
        assertFalse(cpu.container().getResources().getRequests().containsKey(GPU));
        assertTrue(pod.getNodeSelector().isEmpty(), "node selector " + pod.getNodeSelector());
        assertFalse(toleratesGpuTaint(pod.getTolerations()));
        assertTrue(cpu.container().getImage().startsWith("ghcr.io/flowseg/flowseg:"));
        assertFalse(cpu.container().getImage().endsWith("-cuda"), cpu.container().getImage());
    }

    @Test
    void clientCertificateComponentPresentsTheKeyStore() {
        RenderedManifests manifests = RenderedManifests.of(WITH_CLIENT_CERTIFICATE);
        ContainerEnvironment environment = manifests.environment();
        String keyStore = environment.literal("KAFKA_SSL_KEYSTORE_LOCATION").orElseThrow();
        assertEquals(new SecretReference("flowseg-kafka-client-cert", "user.p12", "mount /etc/flowseg/kafka-client-tls"),
                SecretReferences.mountedFile(manifests, keyStore).orElseThrow());
        assertEquals(new SecretReference("flowseg-kafka-client-cert", "user.password", ""),
                fromSecret(environment, "KAFKA_SSL_KEYSTORE_PASSWORD"));
        assertEquals(new SecretReference("flowseg-kafka-client-cert", "user.password", ""),
                fromSecret(environment, "KAFKA_SSL_KEY_PASSWORD"));
        assertTrue(RenderedManifests.of(Overlay.CPU).environment().literal("KAFKA_SSL_KEYSTORE_LOCATION").isEmpty(),
                "without the component, no client certificate");
    }

    /** The workload's variables with a prefix that {@code known} does not recognise. */
    private static List<String> variablesNamingNothing(Path kustomization, String prefix, Predicate<String> known) {
        return RenderedManifests.of(kustomization).environment().names().stream()
                .filter(name -> name.startsWith(prefix) && !known.test(name))
                .toList();
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertNotNull(probe, path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("http", probe.getHttpGet().getPort().getStrVal(), path + " on the named port");
    }

    private static ContainerPort httpPort(Container container) {
        return container.getPorts().stream().filter(port -> "http".equals(port.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named http"));
    }

    private static void assertSelects(Map<String, String> selector, Map<String, String> labels, String what) {
        assertFalse(selector == null || selector.isEmpty(), what + " selects everything");
        assertTrue(labels.entrySet().containsAll(selector.entrySet()), what + " " + selector + " does not match " + labels);
    }

    private static boolean egressAllows(List<NetworkPolicyEgressRule> rules, int port, String protocol) {
        return rules.stream().flatMap(rule -> rule.getPorts().stream())
                .anyMatch(allowed -> allowed.getPort().getIntVal() == port && protocol.equals(allowed.getProtocol()));
    }

    private static boolean toleratesGpuTaint(List<Toleration> tolerations) {
        return tolerations.stream().anyMatch(toleration -> GPU.equals(toleration.getKey())
                && "NoSchedule".equals(toleration.getEffect()) && "Exists".equals(toleration.getOperator()));
    }

    /** The Secret and key a variable reads (usedBy left empty, for comparison). */
    private static SecretReference fromSecret(ContainerEnvironment environment, String variable) {
        EnvVar entry = environment.variable(variable).orElseThrow(() -> new AssertionError(variable + " unset"));
        assertNotNull(entry.getValueFrom(), variable + " must come from a Secret");
        assertNotNull(entry.getValueFrom().getSecretKeyRef(), variable + " must come from a Secret");
        return new SecretReference(entry.getValueFrom().getSecretKeyRef().getName(), entry.getValueFrom().getSecretKeyRef().getKey(), "");
    }

    /** A setting as the pods see it: their environment's value, else application.properties' default. */
    private static String effectiveSetting(RenderedManifests manifests, String key) {
        return manifests.environment().literal(ApplicationProperties.environmentName(key))
                .or(() -> PROPERTIES.value(key))
                .orElseThrow(() -> new AssertionError(key + " is set nowhere"));
    }
}
