package org.karyoloop.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One rendering of a kustomization under k8s/ (base, dev or prod), each resource parsed into the fabric8
 * Kubernetes model (custom resources as generic ones), plus lookups the manifest test needs.
 */
final class KubernetesManifests {

    static final Map<String, Path> KUSTOMIZATIONS = new LinkedHashMap<>();
    static {
        KUSTOMIZATIONS.put("base", Path.of("k8s/base"));
        KUSTOMIZATIONS.put("dev", Path.of("k8s/overlays/dev"));
        KUSTOMIZATIONS.put("prod", Path.of("k8s/overlays/prod"));
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Deployment", Deployment.class,
            "Service", Service.class, "ConfigMap", ConfigMap.class, "PersistentVolumeClaim",
            PersistentVolumeClaim.class, "PodDisruptionBudget", PodDisruptionBudget.class, "NetworkPolicy",
            NetworkPolicy.class, "CronJob", CronJob.class, "ServiceAccount", ServiceAccount.class, "Namespace",
            Namespace.class, "Secret", Secret.class);
    /** Custom resources of the operators karyoloop relies on: Strimzi (topics) and KEDA (autoscaling). */
    static final Set<String> CUSTOM_KINDS = Set.of("KafkaTopic", "ScaledObject");

    final String name;
    final List<ObjectNode> trees;
    final List<HasMetadata> resources = new ArrayList<>();

    private KubernetesManifests(String name, List<ObjectNode> trees) throws IOException {
        this.name = name;
        this.trees = trees;
        for (ObjectNode tree : trees) {
            String kind = tree.path("kind").asText();
            Class<? extends HasMetadata> type = CUSTOM_KINDS.contains(kind) ? GenericKubernetesResource.class
                    : KINDS.get(kind);
            if (type == null) {
                throw new IllegalArgumentException(name + ": unexpected kind " + kind + " ("
                        + tree.path("metadata").path("name").asText() + "); add it to KubernetesManifests");
            }
            resources.add(MAPPER.treeToValue(tree, type));
        }
    }

    static KubernetesManifests render(String name) throws IOException {
        return new KubernetesManifests(name, KustomizeRenderer.render(KUSTOMIZATIONS.get(name)));
    }

    /** {@code kubectl kustomize dir}, when kubectl is on the PATH. */
    static Optional<List<ObjectNode>> renderWithKubectl(Path dir) throws IOException, InterruptedException {
        Optional<Path> kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(p -> Path.of(p, "kubectl")).filter(Files::isExecutable).findFirst();
        if (kubectl.isEmpty()) {
            return Optional.empty();
        }
        Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed:\n" + out);
        }
        return Optional.of(KustomizeRenderer.readDocuments(out));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String resourceName) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(resourceName)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no " + type.getSimpleName() + " " + resourceName));
    }

    List<ObjectNode> trees(String kind) {
        return trees.stream().filter(t -> t.path("kind").asText().equals(kind)).toList();
    }

    /** Every pod this rendering can start, by owner name: Deployments and the CronJob (Job) templates. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> pods = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> pods.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(CronJob.class).forEach(c -> pods.put(c.getMetadata().getName(),
                c.getSpec().getJobTemplate().getSpec().getTemplate()));
        return pods;
    }

    ConfigMap configMap() {
        return one(ConfigMap.class, "karyoloop-config");
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /**
     * Fields the model did not recognise (a misspelt key lands in some object's additionalProperties instead of
     * failing the parse), as paths; empty when every key of every resource is a real field.
     */
    static List<String> unknownFields(Object node, String path) throws IllegalAccessException {
        List<String> unknown = new ArrayList<>();
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknown.addAll(unknownFields(item, path + "[" + i++ + "]"));
            }
        } else if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                unknown.addAll(unknownFields(e.getValue(), path + "." + e.getKey()));
            }
        } else if (node != null && node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")
                && !(node instanceof GenericKubernetesResource)) {
            for (Class<?> c = node.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object value = field.get(node);
                    if (field.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
                        extra.keySet().forEach(k -> unknown.add(path + "." + k));
                    } else {
                        unknown.addAll(unknownFields(value, path + "." + field.getName()));
                    }
                }
            }
        }
        return unknown;
    }
}
