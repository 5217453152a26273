package org.karyoloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests (k8s/, rendered per kustomization) agree with the project they deploy: roles, topic
 * catalog, configuration the application reads, container build, and with themselves (selectors, ports, images).
 */
class KubernetesManifestsTest {

    private static final Path CATALOG = Path.of("kafka/topics.tsv");
    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path CONTAINERFILE = Path.of("src/main/docker/Containerfile");
    private static final Path ENTRYPOINT = Path.of("src/main/docker/entrypoint.sh");
    /** Roles whose API is meant for callers outside the namespace (lab systems, doctors, operators). */
    private static final Set<String> PUBLIC_API_ROLES = Set.of("ingest", "annotation", "rollout");
    /** Roles that run PyTorch, whose pods run on GPU nodes in prod; the CronJob is one-shot training. */
    private static final Set<String> GPU_PODS_IN_PROD = Set.of("karyoloop-scoring", "karyoloop-training",
            "karyoloop-train-once");
    /** Variables read by the platform rather than by application.properties: Quarkus, DJL, OpenMP, ld.so, jemalloc. */
    private static final Set<String> PLATFORM_ENV = Set.of("QUARKUS_PROFILE", "DJL_CACHE_DIR", "DJL_OFFLINE",
            "PYTORCH_FLAVOR", "OPT_OUT_TRACKING", "OMP_NUM_THREADS", "LD_PRELOAD", "MALLOC_CONF");
    private static final Set<String> INFRASTRUCTURE_ENV = Set.of("KAFKA_BOOTSTRAP_SERVERS", "DB_HOST", "DB_PORT",
            "DB_NAME", "DB_USER", "DB_PASSWORD");
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");
    /**
     * Roles that write the blob store: ingest (images), training (model artifacts, ModelRegistry), rollout (the operators' API imports models: POST /api/models/{name}/versions).
     */
    private static final Set<String> BLOB_WRITER_ROLES = Set.of("ingest", "training", "rollout");
    /** Roles that only read it: scoring (images, model artifacts), annotation (the doctors' task images). */
    private static final Set<String> BLOB_READER_ROLES = Set.of("scoring", "annotation");
    /** Where scoring runs inference (karyoloop.scoring.device, ScoringConfig): cpu, gpu or auto. */
    private static final String SCORING_DEVICE = "KARYOLOOP_SCORING_DEVICE";
    /** Roles whose pages sign users in with a form and keep them in an encrypted session cookie. */
    private static final Set<String> SESSION_ROLES = Set.of("annotation", "rollout");
    private static final String SESSION_KEY = "KARYOLOOP_SESSION_KEY";
    private static final List<String> FIRST_ADMIN = List.of("KARYOLOOP_ADMIN_USER", "KARYOLOOP_ADMIN_PASSWORD");

    private static final Map<String, KubernetesManifests> RENDERED = new LinkedHashMap<>();
    private static List<String> roles;
    private static Map<String, String[]> catalog;

    @BeforeAll
    static void render() throws IOException {
        for (String name : KubernetesManifests.KUSTOMIZATIONS.keySet()) {
            RENDERED.put(name, KubernetesManifests.render(name));
        }
        roles = Files.readAllLines(PROPERTIES).stream().map(Pattern.compile("^karyoloop\\.role\\.(\\w+)=")::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).filter(r -> !r.equals("all")).toList();
        catalog = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CATALOG)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] columns = line.trim().split("\\s+");
                catalog.put(columns[0], columns);
            }
        }
        assertThat(roles).contains("ingest", "scoring", "training");
        assertThat(catalog).containsKey("images.ingested");
    }

    @Test
    void everyResourceParsesIntoTheKubernetesModelWithoutUnknownFields() throws Exception {
        for (KubernetesManifests m : RENDERED.values()) {
            for (HasMetadata r : m.resources) {
                assertThat(KubernetesManifests.unknownFields(r, m.name + ":" + r.getKind() + "/"
                        + r.getMetadata().getName())).as("fields the Kubernetes model does not know").isEmpty();
            }
        }
    }

    @Test
    void builtInRendererAgreesWithKubectlKustomizeWhereKubectlIsInstalled() throws Exception {
        for (Map.Entry<String, Path> k : KubernetesManifests.KUSTOMIZATIONS.entrySet()) {
            Optional<List<ObjectNode>> kubectl = KubernetesManifests.renderWithKubectl(k.getValue());
            Assumptions.assumeTrue(kubectl.isPresent(), "kubectl is not installed");
            assertThat(byKindAndName(RENDERED.get(k.getKey()).trees)).as(k.getKey())
                    .isEqualTo(byKindAndName(kubectl.get()));
        }
    }

    @Test
    void everyRoleHasOneDeploymentAndEveryProfileIsARealRole() {
        for (KubernetesManifests m : RENDERED.values()) {
            assertThat(m.all(Deployment.class)).extracting(d -> d.getMetadata().getName()).as(m.name)
                    .containsExactlyInAnyOrderElementsOf(roles.stream().map(r -> "karyoloop-" + r).toList());
            m.podTemplates().forEach((owner, pod) -> {
                assertThat(pod.getSpec().getContainers()).as(owner).hasSize(1);
                assertThat(env(pod).get("QUARKUS_PROFILE").getValue()).as(owner + ": prod, then the role (it wins)")
                        .startsWith("prod,");
                assertThat(roles).as(owner + " QUARKUS_PROFILE").contains(role(pod));
                assertThat(owner).as("the Deployment of a role is named after it")
                        .isIn("karyoloop-" + role(pod), "karyoloop-train-once");
            });
        }
    }

    @Test
    void everyCatalogTopicHasOneKafkaTopicAndViceVersa() {
        for (KubernetesManifests m : RENDERED.values()) {
            Map<String, JsonNode> topics = m.trees("KafkaTopic").stream()
                    .collect(Collectors.toMap(t -> t.at("/spec/topicName").asText(), t -> t));
            assertThat(topics.keySet()).as(m.name).containsExactlyInAnyOrderElementsOf(catalog.keySet());
            catalog.forEach((topic, columns) -> {
                JsonNode spec = topics.get(topic).get("spec");
                assertThat(spec.get("partitions").asInt()).as(topic).isEqualTo(Integer.parseInt(columns[1]));
                assertThat(spec.at("/config/cleanup.policy").asText()).as(topic).isEqualTo(columns[2]);
                assertThat(topics.get(topic).at("/metadata/annotations/karyoloop.org~1consumers").asText())
                        .as(topic + ": kafka-topics.yaml is regenerated from the catalog (kafka/gen-strimzi.sh)")
                        .isEqualTo(columns[6].equals("-") ? "" : columns[6]);
            });
        }
    }

    @Test
    void scoringScalesOnItsConsumerLagWithinThePartitionsOfItsTopic() throws IOException {
        int partitions = Integer.parseInt(catalog.get("images.ingested")[1]);
        assertThat(catalog.get("images.ingested")[6].split(",")).contains("scoring");
        Optional<String> group = property("mp.messaging.incoming.images-ingested.group.id");
        for (KubernetesManifests m : RENDERED.values()) {
            assertThat(m.trees("ScaledObject")).as(m.name).hasSize(1);
            JsonNode spec = m.trees("ScaledObject").get(0).get("spec");
            String target = spec.at("/scaleTargetRef/name").asText();
            assertThat(m.one(Deployment.class, target).getSpec().getReplicas())
                    .as("a Deployment scaled by KEDA declares no replicas, so an apply does not reset them").isNull();
            assertThat(spec.get("minReplicaCount").asInt()).isPositive();
            assertThat(spec.get("maxReplicaCount").asInt()).as("consumers beyond the partitions sit idle")
                    .isBetween(1, partitions);
            JsonNode trigger = spec.get("triggers").get(0);
            assertThat(trigger.get("type").asText()).isEqualTo("kafka");
            assertThat(trigger.at("/metadata/topic").asText()).isEqualTo("images.ingested");
            assertThat(trigger.at("/metadata/consumerGroup").asText()).isEqualTo(group.orElse("karyoloop-scoring"))
                    .isEqualTo("karyoloop-scoring");
            assertThat(Integer.parseInt(trigger.at("/metadata/lagThreshold").asText())).isPositive();
            assertThat(trigger.at("/metadata/bootstrapServers").asText()).as(m.name)
                    .isEqualTo(m.configMap().getData().get("KAFKA_BOOTSTRAP_SERVERS"));
        }
    }

    @Test
    void everyEnvironmentVariableTheManifestsSetIsOneTheApplicationReads() throws IOException {
        Set<String> reads = envTheApplicationReads();
        Map<String, String> image = containerfileEnv();
        Set<String> required = requiredEnv();
        for (KubernetesManifests m : RENDERED.values()) {
            Map<String, String> config = m.configMap().getData();
            assertThat(reads).as(m.name + " ConfigMap keys").containsAll(config.keySet());
            assertThat(config).as("PYTORCH_FLAVOR belongs to the image variant").doesNotContainKey("PYTORCH_FLAVOR");
            config.keySet().stream().filter(image::containsKey).forEach(key -> assertThat(config.get(key))
                    .as(key + ": the ConfigMap and the Containerfile agree").isEqualTo(image.get(key)));
            Map<String, Set<String>> secretKeys = exampleSecretKeys();
            m.podTemplates().forEach((owner, pod) -> {
                Container c = pod.getSpec().getContainers().get(0);
                c.getEnvFrom().forEach(from -> assertThat(from.getConfigMapRef().getName()).as(owner)
                        .isEqualTo("karyoloop-config"));
                Set<String> set = new TreeSet<>(config.keySet());
                for (EnvVar e : c.getEnv()) {
                    set.add(e.getName());
                    if (e.getValueFrom() != null) {
                        var ref = e.getValueFrom().getSecretKeyRef();
                        assertThat(secretKeys.getOrDefault(ref.getName(), Set.of())).as(owner + " " + e.getName()
                                + ": secret keys are those of k8s/secret.example.yaml").contains(ref.getKey());
                    }
                }
                assertThat(reads).as(m.name + " " + owner + " env").containsAll(set);
                assertThat(set).as(owner + ": infrastructure comes from the manifests, not localhost defaults")
                        .containsAll(INFRASTRUCTURE_ENV).containsAll(required);
            });
        }
    }

    @Test
    void servicesSelectDeploymentPodsAndTargetDeclaredPorts() {
        for (KubernetesManifests m : RENDERED.values()) {
            Map<String, PodTemplateSpec> pods = m.podTemplates();
            Set<String> served = new TreeSet<>();
            for (Service s : m.all(Service.class)) {
                List<String> selected = m.all(Deployment.class).stream().filter(d -> KubernetesManifests
                        .selects(s.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()))
                        .map(d -> d.getMetadata().getName()).toList();
                assertThat(selected).as(m.name + " Service " + s.getMetadata().getName()).isNotEmpty();
                for (String d : selected) {
                    for (ServicePort port : s.getSpec().getPorts()) {
                        assertThat(declares(pods.get(d), port.getTargetPort())).as(s.getMetadata().getName()
                                + " -> " + d + " port " + port.getTargetPort()).isTrue();
                    }
                }
                if (!"None".equals(s.getSpec().getClusterIP())) {
                    served.addAll(selected);
                }
            }
            assertThat(served).as("only served roles have a (non-headless) Service")
                    .containsExactlyInAnyOrderElementsOf(PUBLIC_API_ROLES.stream().map(r -> "karyoloop-" + r)
                            .toList());
        }
    }

    @Test
    void everyDeploymentProbesQuarkusHealthAndBoundsItsResources() {
        for (KubernetesManifests m : RENDERED.values()) {
            for (Deployment d : m.all(Deployment.class)) {
                PodTemplateSpec pod = d.getSpec().getTemplate();
                Container c = pod.getSpec().getContainers().get(0);
                String what = m.name + " " + d.getMetadata().getName();
                assertThat(c.getStartupProbe().getHttpGet().getPath()).as(what).isEqualTo("/q/health/started");
                assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(what).isEqualTo("/q/health/ready");
                assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(what).isEqualTo("/q/health/live");
                Stream.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe()).forEach(p -> {
                    assertThat(declares(pod, p.getHttpGet().getPort())).as(what + " probe port").isTrue();
                    assertThat(p.getHttpGet().getPort().getStrVal()).as(what + ": probes use the management interface")
                            .isEqualTo("management");
                });
                assertThat(c.getPorts()).as(what + ": the management interface on its own port (Quarkus default)")
                        .anyMatch(port -> "management".equals(port.getName()) && port.getContainerPort() == 9000);
                assertThat(pod.getMetadata().getAnnotations()).as(what + ": Prometheus scrapes the management port")
                        .containsEntry("prometheus.io/port", "9000").containsEntry("prometheus.io/path", "/q/metrics");
                assertResources(what, pod);
            }
        }
    }

    @Test
    void theManagementPortIsReachedOnlyThroughTheHeadlessMetricsServiceAndFromMonitoring() {
        for (KubernetesManifests m : RENDERED.values()) {
            for (Service s : m.all(Service.class)) {
                boolean management = s.getSpec().getPorts().stream()
                        .anyMatch(port -> "management".equals(port.getTargetPort().getStrVal()));
                assertThat(management).as(m.name + " Service " + s.getMetadata().getName())
                        .isEqualTo(s.getMetadata().getName().equals("karyoloop-metrics"));
                if (management) {
                    assertThat(s.getSpec().getClusterIP()).isEqualTo("None");
                }
            }
            for (NetworkPolicy p : m.all(NetworkPolicy.class)) {
                for (NetworkPolicyIngressRule rule : p.getSpec().getIngress()) {
                    boolean opensManagement = rule.getPorts().stream()
                            .anyMatch(port -> "management".equals(port.getPort().getStrVal()));
                    if (opensManagement) {
                        assertThat(rule.getFrom()).as(p.getMetadata().getName() + ": management only from monitoring")
                                .allMatch(peer -> peer.getNamespaceSelector() != null && Map.of(
                                        "kubernetes.io/metadata.name", "monitoring").equals(
                                                peer.getNamespaceSelector()
                                                        .getMatchLabels()));
                    }
                }
            }
        }
    }

    @Test
    void onlyScoringAndTrainingRunOnGpuNodesAndOnlyInProd() {
        for (KubernetesManifests m : RENDERED.values()) {
            m.podTemplates().forEach((owner, pod) -> {
                Container c = pod.getSpec().getContainers().get(0);
                boolean gpu = m.name.equals("prod") && GPU_PODS_IN_PROD.contains(owner);
                Quantity limit = c.getResources().getLimits().get("nvidia.com/gpu");
                assertThat(limit == null ? 0 : Quantity.getAmountInBytes(limit).intValue()).as(m.name + " " + owner)
                        .isEqualTo(gpu ? 1 : 0);
                assertThat(Optional.ofNullable(pod.getSpec().getNodeSelector()).orElse(Map.of())).as(owner)
                        .isEqualTo(gpu ? Map.of("nvidia.com/gpu.present", "true") : Map.of());
                assertThat(pod.getSpec().getTolerations()).as(owner)
                        .extracting(t -> t.getKey()).isEqualTo(gpu ? List.of("nvidia.com/gpu") : List.of());
                assertThat(c.getImage().endsWith("-cu124")).as(owner + " runs the CUDA image variant")
                        .isEqualTo(gpu);
            });
        }
    }

    @Test
    void everyPodRunsTheOneImageTheContainerBuildDocuments() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher tags = Pattern.compile("docker build .* -t (\\S+) \\.").matcher(Files.readString(CONTAINERFILE));
        while (tags.find()) {
            documented.add(tags.group(1));
        }
        assertThat(documented).contains("karyoloop:dev", "karyoloop:dev-cu124");
        assertThat(Files.readString(Path.of("k8s/README.md"))).contains(documented);
        for (KubernetesManifests m : RENDERED.values()) {
            Set<String> images = m.podTemplates().values().stream()
                    .map(p -> p.getSpec().getContainers().get(0).getImage()).collect(Collectors.toSet());
            if (m.name.equals("base")) {
                assertThat(images).as("overlays choose registry and tag").containsExactly("karyoloop");
                continue;
            }
            assertThat(images).allMatch(i -> i.lastIndexOf(':') > i.lastIndexOf('/'), "tagged");
            assertThat(images.stream().map(i -> i.substring(0, i.lastIndexOf(':'))).distinct()).as(m.name + " "
                    + images + ": one repository").hasSize(1);
            assertThat(images.stream().map(i -> i.replaceFirst("-cu124$", "")).distinct()).as("one release")
                    .hasSize(1);
            if (m.name.equals("dev")) {
                assertThat(documented).as("dev runs the images k8s/README.md builds").containsAll(images);
            }
        }
    }

    @Test
    void networkPoliciesDenyIngressByDefaultAndOpenOnlyTheServedApisBeyondTheNamespace() {
        for (KubernetesManifests m : RENDERED.values()) {
            List<NetworkPolicy> policies = m.all(NetworkPolicy.class);
            assertThat(policies).as(m.name + ": a default-deny ingress policy")
                    .anyMatch(p -> isEmpty(p.getSpec().getPodSelector().getMatchLabels())
                            && p.getSpec().getIngress().isEmpty()
                            && p.getSpec().getPolicyTypes().contains("Ingress"));
            Map<String, PodTemplateSpec> pods = m.podTemplates();
            for (NetworkPolicy p : policies) {
                Map<String, String> selector = p.getSpec().getPodSelector().getMatchLabels();
                assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isEmpty();
                if (isEmpty(selector)) {
                    continue;
                }
                List<PodTemplateSpec> selected = pods.values().stream()
                        .filter(pod -> KubernetesManifests.selects(selector, pod.getMetadata().getLabels())).toList();
                assertThat(selected).as(p.getMetadata().getName() + " selects pods").isNotEmpty();
                for (NetworkPolicyIngressRule rule : p.getSpec().getIngress()) {
                    for (NetworkPolicyPort port : rule.getPorts()) {
                        selected.forEach(pod -> assertThat(declares(pod, port.getPort()))
                                .as(p.getMetadata().getName() + " port " + port.getPort()).isTrue());
                    }
                    boolean anyNamespace = rule.getFrom().stream().anyMatch(KubernetesManifestsTest::anyNamespace);
                    if (anyNamespace) {
                        assertThat(selected).as(p.getMetadata().getName() + " opens only public APIs")
                                .allMatch(pod -> PUBLIC_API_ROLES.contains(component(pod)));
                    }
                }
            }
            Map<String, String> config = m.configMap().getData();
            Set<Integer> egressPorts = policies.stream().flatMap(p -> p.getSpec().getEgress().stream())
                    .flatMap(e -> e.getPorts().stream()).map(port -> port.getPort().getIntVal())
                    .collect(Collectors.toSet());
            Stream.of(config.get("KAFKA_BOOTSTRAP_SERVERS").split(",")).map(hp -> hp.substring(hp.lastIndexOf(':') + 1))
                    .forEach(port -> assertThat(egressPorts).as("egress to Kafka").contains(Integer.parseInt(port)));
            assertThat(egressPorts).as("egress to PostgreSQL and DNS")
                    .contains(Integer.parseInt(config.get("DB_PORT")), 53);
            java.net.URI issuer = java.net.URI.create(config.get("KARYOLOOP_OIDC_ISSUER"));
            assertThat(egressPorts).as("egress to the identity provider")
                    .contains(issuer.getPort() > 0 ? issuer.getPort() : "https".equals(issuer.getScheme()) ? 443 : 80);
        }
    }

    @Test
    void disruptionBudgetsSelectOneDeploymentAndNeverBlockADrain() {
        for (KubernetesManifests m : RENDERED.values()) {
            for (PodDisruptionBudget pdb : m.all(PodDisruptionBudget.class)) {
                List<Deployment> selected = m.all(Deployment.class).stream().filter(d -> KubernetesManifests.selects(
                        pdb.getSpec().getSelector().getMatchLabels(), d.getSpec().getTemplate().getMetadata()
                                .getLabels()))
                        .toList();
                assertThat(selected).as(m.name + " PDB " + pdb.getMetadata().getName()).hasSize(1);
                IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
                IntOrString minAvailable = pdb.getSpec().getMinAvailable();
                Integer replicas = selected.get(0).getSpec().getReplicas();
                assertThat(maxUnavailable != null ? maxUnavailable.getIntVal() >= 1
                        : replicas != null && minAvailable.getIntVal() < replicas).as(pdb.getMetadata().getName())
                        .isTrue();
            }
            assertThat(m.all(PodDisruptionBudget.class)).hasSameSizeAs(m.all(Deployment.class));
        }
    }

    @Test
    void oneShotTrainingIsASuspendedTemplateThatRunsTheTrainerOnce() {
        for (KubernetesManifests m : RENDERED.values()) {
            CronJob job = m.one(CronJob.class, "karyoloop-train-once");
            assertThat(job.getSpec().getSuspend()).as("never scheduled: a template for kubectl create job").isTrue();
            assertThat(job.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds()).isPositive();
            PodTemplateSpec pod = job.getSpec().getJobTemplate().getSpec().getTemplate();
            assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
            assertThat(pod.getSpec().getContainers().get(0).getArgs()).containsExactly("train", "--once");
            assertThat(env(pod).get("QUARKUS_PROFILE").getValue()).isEqualTo("prod,training");
            assertResources(m.name + " karyoloop-train-once", pod);
        }
    }

    @Test
    void everyConsumingRoleIsAmongTheCatalogsConsumersOfItsTopic() throws IOException {
        Pattern enabled = Pattern
                .compile("^mp\\.messaging\\.incoming\\.([\\w-]+)\\.enabled=\\$\\{karyoloop\\.role\\.(\\w+)}$");
        int channels = 0;
        for (String line : Files.readAllLines(PROPERTIES)) {
            Matcher m = enabled.matcher(line);
            if (m.find()) {
                String topic = property("mp.messaging.incoming." + m.group(1) + ".topic").orElseThrow();
                assertThat(catalog).as("channel " + m.group(1)).containsKey(topic);
                assertThat(catalog.get(topic)[6].split(",")).as("consumers of " + topic
                        + " in kafka/topics.tsv (channel " + m.group(1) + ")").contains(m.group(2));
                channels++;
            }
        }
        assertThat(channels).as("incoming channels switched on per role").isPositive();
    }

    @Test
    void everyRoleThatWritesBlobsMountsThemWritableAndEveryRoleThatReadsThemMountsThem() {
        assertThat(roles).containsAll(BLOB_WRITER_ROLES).containsAll(BLOB_READER_ROLES);
        for (KubernetesManifests m : RENDERED.values()) {
            String root = m.configMap().getData().get("KARYOLOOP_BLOB_ROOT");
            Set<String> claims = m.all(PersistentVolumeClaim.class).stream().map(c -> c.getMetadata().getName())
                    .collect(Collectors.toSet());
            Set<String> writable = new TreeSet<>();
            m.podTemplates().forEach((owner, pod) -> {
                String what = m.name + " " + owner;
                String role = role(pod);
                Optional<VolumeMount> mount = pod.getSpec().getContainers().get(0).getVolumeMounts().stream()
                        .filter(v -> v.getMountPath().equals(root)).findFirst();
                if (!BLOB_WRITER_ROLES.contains(role) && !BLOB_READER_ROLES.contains(role)) {
                    assertThat(mount).as(what + ": a role that does not use the blob store does not mount it")
                            .isEmpty();
                    return;
                }
                assertThat(mount).as(what + ": mounts the blob store at KARYOLOOP_BLOB_ROOT " + root).isPresent();
                Volume volume = pod.getSpec().getVolumes().stream()
                        .filter(v -> v.getName().equals(mount.get().getName())).findFirst().orElseThrow();
                assertThat(volume.getPersistentVolumeClaim()).as(what + ": the shared volume, not a pod's own")
                        .isNotNull();
                assertThat(claims).as(what).contains(volume.getPersistentVolumeClaim().getClaimName());
                boolean readOnly = Boolean.TRUE.equals(mount.get().getReadOnly())
                        || Boolean.TRUE.equals(volume.getPersistentVolumeClaim().getReadOnly());
                boolean writes = BLOB_WRITER_ROLES.contains(role);
                assertThat(readOnly).as(what + (writes ? ": writes blobs, so mounts them writable"
                        : ": only reads blobs, so mounts them read-only")).isEqualTo(!writes);
                if (!readOnly) {
                    writable.add(owner);
                }
            });
            assertThat(writable).as(m.name + ": training (the Deployment and the one-shot Job) and rollout write blobs")
                    .contains("karyoloop-training", "karyoloop-train-once", "karyoloop-rollout");
        }
    }

    @Test
    void scoringPodsThatRequestAGpuRunInferenceOnItAndNoOtherPodAsksForOne() {
        for (KubernetesManifests m : RENDERED.values()) {
            Set<String> gpuScoring = new TreeSet<>();
            m.podTemplates().forEach((owner, pod) -> {
                Map<String, Quantity> requests = pod.getSpec().getContainers().get(0).getResources().getRequests();
                boolean gpu = requests != null && requests.containsKey("nvidia.com/gpu");
                EnvVar device = env(pod).get(SCORING_DEVICE);
                if (device != null) {
                    assertThat(device.getValue()).as(m.name + " " + owner + " " + SCORING_DEVICE)
                            .isIn("cpu", "gpu", "auto");
                }
                if (gpu && role(pod).equals("scoring")) {
                    gpuScoring.add(owner);
                    assertThat(device).as(m.name + " " + owner + ": the default device is cpu").isNotNull();
                    assertThat(device.getValue()).as(m.name + " " + owner + ": inference on the GPU the pod holds")
                            .isEqualTo("gpu");
                } else if (device != null) {
                    assertThat(device.getValue()).as(m.name + " " + owner + ": gpu fails where there is none")
                            .isNotEqualTo("gpu");
                }
            });
            assertThat(gpuScoring).as(m.name + ": scoring pods on a GPU")
                    .isEqualTo(m.name.equals("prod") ? Set.of("karyoloop-scoring") : Set.of());
        }
    }

    @Test
    void annotationAndRolloutGetTheSessionKeyAndRolloutTheFirstAdminFromASecret() throws IOException {
        assertThat(property("quarkus.http.auth.session.encryption-key")).contains("${" + SESSION_KEY + ":}");
        assertThat(property("karyoloop.security.bootstrap-admin-username")).contains("${" + FIRST_ADMIN.get(0) + ":}");
        assertThat(property("karyoloop.security.bootstrap-admin-password")).contains("${" + FIRST_ADMIN.get(1) + ":}");
        Set<String> secrets = new TreeSet<>();
        for (KubernetesManifests m : RENDERED.values()) {
            Set<String> sessionKeys = new TreeSet<>();
            Set<String> seeders = new TreeSet<>();
            m.podTemplates().forEach((owner, pod) -> {
                String what = m.name + " " + owner;
                Map<String, EnvVar> env = env(pod);
                for (String name : Stream.concat(Stream.of(SESSION_KEY), FIRST_ADMIN.stream()).toList()) {
                    if (env.containsKey(name)) {
                        assertThat(env.get(name).getValue()).as(what + " " + name + ": never a literal").isNull();
                        assertThat(env.get(name).getValueFrom().getSecretKeyRef()).as(what + " " + name
                                + ": from a Secret").isNotNull();
                    }
                }
                if (SESSION_ROLES.contains(role(pod))) {
                    assertThat(env).as(what + ": the same session key on every replica").containsKey(SESSION_KEY);
                    SecretKeySelector ref = env.get(SESSION_KEY).getValueFrom().getSecretKeyRef();
                    assertThat(ref.getOptional()).as(what + ": required; unset, each pod draws its own key")
                            .isNotEqualTo(Boolean.TRUE);
                    sessionKeys.add(ref.getName() + "/" + ref.getKey());
                    secrets.add(ref.getName());
                }
                if (FIRST_ADMIN.stream().anyMatch(env::containsKey)) {
                    seeders.add(owner);
                    for (String name : FIRST_ADMIN) {
                        assertThat(env).as(what + ": user and password together").containsKey(name);
                        SecretKeySelector ref = env.get(name).getValueFrom().getSecretKeyRef();
                        assertThat(ref.getOptional()).as(what + " " + name
                                + ": optional, a cluster whose admin exists starts without it").isTrue();
                        secrets.add(ref.getName());
                    }
                }
            });
            assertThat(sessionKeys).as(m.name + ": annotation and rollout read one session key").hasSize(1);
            assertThat(seeders).as(m.name + ": one Deployment creates the first admin")
                    .containsExactly("karyoloop-rollout");
            assertThat(m.one(Deployment.class, "karyoloop-rollout").getSpec().getReplicas())
                    .as(m.name + ": one replica, so no two pods race to create the first admin").isEqualTo(1);
        }
        Map<String, Set<String>> example = exampleSecretKeys();
        secrets.forEach(secret -> assertThat(example).as("k8s/secret.example.yaml").containsKey(secret));
        assertThat(secrets.stream().flatMap(secret -> example.get(secret).stream()))
                .containsAll(Stream.concat(Stream.of(SESSION_KEY), FIRST_ADMIN.stream()).toList());
    }

    @Test
    void noSecretValueIsCommitted() throws IOException {
        for (KubernetesManifests m : RENDERED.values()) {
            assertThat(m.trees("Secret")).as(m.name + ": Secrets are created out of band").isEmpty();
        }
        List<Path> yamls;
        try (Stream<Path> files = Files.walk(Path.of("k8s"))) {
            yamls = files.filter(f -> f.toString().matches(".*\\.ya?ml")).filter(f -> !gitIgnored(f)).toList();
        }
        for (Path file : yamls) {
            for (ObjectNode doc : KustomizeRenderer.readDocuments(Files.readString(file))) {
                if (doc.path("kind").asText().equals("Secret")) {
                    assertThat(doc.path("data").isMissingNode()).as(file + ": no base64 data").isTrue();
                    doc.path("stringData").forEach(v -> assertThat(v.asText()).as(file + " holds placeholders only")
                            .matches("<[^<>]+>"));
                }
            }
        }
        assertThat(exampleSecretKeys()).containsKey("karyoloop-db");
    }

    @Test
    void containerBuildBakesOfflineNativesAndMatchesWhatThePodsExpect() throws IOException {
        String containerfile = Files.readString(CONTAINERFILE);
        String runStage = containerfile.substring(containerfile.lastIndexOf("\nFROM "));
        assertThat(runStage).as("a JRE 17 runs the app").containsPattern("FROM \\S*(17-jre|openjdk-17-runtime)");
        assertThat(runStage).contains("libjemalloc2");
        assertThat(containerfile).contains("-Pgpu", "WarmDjl.java", "java -Dai.djl.offline=true");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<id>gpu</id>", "pytorch-native-cu124");
        assertThat(Files.readString(ENTRYPOINT)).contains("-Dai.djl.offline=true", "-XX:MaxRAMPercentage=");
        Map<String, String> env = containerfileEnv();
        assertThat(env).containsEntry("DJL_OFFLINE", "true").containsEntry("OPT_OUT_TRACKING", "true")
                .containsEntry("PYTORCH_FLAVOR", "$FLAVOR").containsEntry("DJL_CACHE_DIR", "/opt/djl");
        assertThat(containerfile).contains("ENV DJL_CACHE_DIR=/opt/djl");
        String user = instruction(runStage, "USER");
        Matcher exposed = Pattern.compile("^EXPOSE ([0-9 ]+)$", Pattern.MULTILINE).matcher(runStage);
        assertThat(exposed.find()).as("EXPOSE in the run stage").isTrue();
        Set<Integer> ports = Stream.of(exposed.group(1).trim().split(" +")).map(Integer::valueOf)
                .collect(Collectors.toSet());
        String workdir = instruction(runStage, "WORKDIR");
        for (KubernetesManifests m : RENDERED.values()) {
            m.podTemplates().forEach((owner, pod) -> {
                assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).as(owner)
                        .isEqualTo(Long.parseLong(user));
                Container c = pod.getSpec().getContainers().get(0);
                assertThat(c.getPorts()).extracting(ContainerPort::getContainerPort)
                        .as(owner + ": ports the image exposes")
                        .allMatch(ports::contains);
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                Set<String> emptyDirs = pod.getSpec().getVolumes().stream().filter(v -> v.getEmptyDir() != null)
                        .map(v -> v.getName()).collect(Collectors.toSet());
                assertThat(c.getVolumeMounts()).as(owner + ": the working directory and /tmp are writable")
                        .anyMatch(v -> v.getMountPath().equals(workdir) && emptyDirs.contains(v.getName()))
                        .anyMatch(v -> v.getMountPath().equals("/tmp") && emptyDirs.contains(v.getName()));
            });
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static void assertResources(String what, PodTemplateSpec pod) {
        Container c = pod.getSpec().getContainers().get(0);
        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        assertThat(requests).as(what).containsKeys("cpu", "memory");
        assertThat(limits).as(what).containsKeys("cpu", "memory");
        assertThat(limits.get("memory")).as(what + ": JVM memory is not overcommitted")
                .isEqualTo(requests.get("memory"));
        assertThat(Quantity.getAmountInBytes(limits.get("cpu")))
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("cpu")));
        int heapPercent = Integer.parseInt(env(pod).get("JAVA_MAX_RAM_PERCENTAGE").getValue());
        assertThat(heapPercent).as(what).isBetween(25, 75);
        if (Set.of("scoring", "training").contains(role(pod))) {
            BigDecimal offHeap = Quantity.getAmountInBytes(limits.get("memory"))
                    .multiply(BigDecimal.valueOf(100 - heapPercent)).divide(BigDecimal.valueOf(100));
            assertThat(offHeap).as(what + ": PyTorch allocates outside the heap")
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(3L << 29));
        }
        if ("rollout".equals(role(pod))) {
            BigDecimal offHeap = Quantity.getAmountInBytes(limits.get("memory"))
                    .multiply(BigDecimal.valueOf(100 - heapPercent)).divide(BigDecimal.valueOf(100));
            assertThat(offHeap).as(what + ": a model import loads PyTorch (outside the heap) to verify the artifact")
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(1L << 29));
        }
    }

    private static Map<String, EnvVar> env(PodTemplateSpec pod) {
        return pod.getSpec().getContainers().get(0).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    /** The role a pod runs: the last (winning) profile of QUARKUS_PROFILE. */
    private static String role(PodTemplateSpec pod) {
        String profiles = env(pod).get("QUARKUS_PROFILE").getValue();
        return profiles.substring(profiles.lastIndexOf(',') + 1);
    }

    private static String component(PodTemplateSpec pod) {
        return pod.getMetadata().getLabels().get("app.kubernetes.io/component");
    }

    private static boolean declares(PodTemplateSpec pod, IntOrString port) {
        return pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .anyMatch(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                        : port.getIntVal().equals(p.getContainerPort()));
    }

    private static boolean anyNamespace(NetworkPolicyPeer peer) {
        return peer.getIpBlock() != null || (peer.getNamespaceSelector() != null
                && isEmpty(peer.getNamespaceSelector().getMatchLabels())
                && peer.getNamespaceSelector().getMatchExpressions().isEmpty());
    }

    private static boolean isEmpty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private static Map<String, JsonNode> byKindAndName(List<ObjectNode> docs) {
        return docs.stream().collect(Collectors.toMap(d -> d.path("kind").asText() + "/"
                + d.path("metadata").path("name").asText(), d -> d));
    }

    private static Optional<String> property(String key) throws IOException {
        return Files.readAllLines(PROPERTIES).stream().filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1).trim()).findFirst();
    }

    /** ${VAR} references in application.properties and entrypoint.sh, keys of application.properties and of
     * every @ConfigMapping interface in their environment-variable form, and the platform's variables. */
    private static Set<String> envTheApplicationReads() throws IOException {
        Set<String> names = new TreeSet<>(PLATFORM_ENV);
        for (Path file : List.of(PROPERTIES, ENTRYPOINT)) {
            Matcher m = ENV_REF.matcher(Files.readString(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        Files.readAllLines(PROPERTIES).stream().filter(l -> l.matches("^[a-z][^=]*=.*"))
                .forEach(l -> names.add(envName(l.substring(0, l.indexOf('=')))));
        Pattern prefix = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
        Pattern method = Pattern.compile("^\\s+[\\w<>.]+\\s+(\\w+)\\(\\);", Pattern.MULTILINE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                Matcher p = prefix.matcher(source);
                if (p.find()) {
                    Matcher m = method.matcher(source);
                    while (m.find()) {
                        names.add(envName(p.group(1) + "." + m.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2")));
                    }
                }
            }
        }
        return names;
    }

    /** Variables application.properties uses without a default: the application cannot start without them. */
    private static Set<String> requiredEnv() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(PROPERTIES)) {
            Matcher m = ENV_REF.matcher(line);
            while (!line.startsWith("%test.") && m.find()) {
                if (m.group(2).isEmpty()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private static String envName(String key) {
        return key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    /** ENV of the Containerfile's last (run) stage, continuation lines joined. */
    private static Map<String, String> containerfileEnv() throws IOException {
        String containerfile = Files.readString(CONTAINERFILE).replace("\\\n", " ");
        String runStage = containerfile.substring(containerfile.lastIndexOf("\nFROM "));
        Map<String, String> env = new HashMap<>();
        Matcher m = Pattern.compile("^ENV (.*)$", Pattern.MULTILINE).matcher(runStage);
        while (m.find()) {
            for (String pair : m.group(1).trim().split("\\s+")) {
                env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return env;
    }

    private static String instruction(String stage, String name) {
        Matcher m = Pattern.compile("^" + name + " (\\S+)$", Pattern.MULTILINE).matcher(stage);
        assertThat(m.find()).as(name + " in the run stage").isTrue();
        return m.group(1);
    }

    private static Map<String, Set<String>> exampleSecretKeys() {
        try {
            Map<String, Set<String>> keys = new HashMap<>();
            String example = Files.readString(Path.of("k8s/secret.example.yaml"));
            for (ObjectNode doc : KustomizeRenderer.readDocuments(example)) {
                Set<String> names = new TreeSet<>();
                doc.path("stringData").fieldNames().forEachRemaining(names::add);
                keys.put(doc.at("/metadata/name").asText(), names);
            }
            return keys;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Files an operator keeps locally with real values (see .gitignore) are not part of the repository. */
    private static boolean gitIgnored(Path file) {
        String name = file.getFileName().toString();
        return name.equals("secret.yaml") || name.endsWith(".secret.yaml");
    }
}
