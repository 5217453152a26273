package org.karyoloop.platform;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset k8s/ uses (resources, namespace,
 * images, replicas, strategic-merge patches by file, JSON 6902 patches by target), so the manifest test runs where
 * no kubectl is installed; anything else in a kustomization.yaml fails loudly instead of rendering wrongly.
 */
final class KustomizeRenderer {

    static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images",
            "replicas", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");

    private KustomizeRenderer() {
    }

    /** The documents of a multi-document YAML file, skipping empty ones (a leading comment makes one). */
    static List<ObjectNode> readDocuments(String yaml) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc instanceof ObjectNode object && !object.isEmpty()) {
                    docs.add(object);
                }
            }
        }
        return docs;
    }

    static List<ObjectNode> render(Path dir) throws IOException {
        ObjectNode k = (ObjectNode) YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        k.fieldNames().forEachRemaining(key -> {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(dir + ": kustomization key '" + key + "' is not supported here");
            }
        });
        List<ObjectNode> docs = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            docs.addAll(Files.isDirectory(path) ? render(path) : readDocuments(Files.readString(path)));
        }
        for (JsonNode patch : k.path("patches")) {
            if (patch.has("path")) {
                for (ObjectNode p : readDocuments(Files.readString(dir.resolve(patch.get("path").asText())))) {
                    strategicMerge(find(docs, p.path("kind").asText(), p.path("metadata").path("name").asText()), p);
                }
            } else {
                JsonNode target = patch.path("target");
                JsonNode ops = YAML.readTree(patch.path("patch").asText());
                docs.stream().filter(d -> d.path("kind").asText().equals(target.path("kind").asText()))
                        .filter(d -> !target.has("name") || target.get("name").equals(d.path("metadata").get("name")))
                        .forEach(d -> ops.forEach(op -> applyJson6902(d, op)));
            }
        }
        for (JsonNode r : k.path("replicas")) {
            ((ObjectNode) find(docs, "Deployment", r.get("name").asText()).get("spec")).set("replicas", r.get("count"));
        }
        for (JsonNode image : k.path("images")) {
            docs.forEach(d -> retag(d, image));
        }
        if (k.has("namespace")) {
            docs.stream().filter(d -> !CLUSTER_SCOPED.contains(d.path("kind").asText()))
                    .forEach(d -> ((ObjectNode) d.get("metadata")).set("namespace", k.get("namespace")));
        }
        return docs;
    }

    private static ObjectNode find(List<ObjectNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> d.path("kind").asText().equals(kind))
                .filter(d -> d.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("patch target " + kind + "/" + name
                        + " is not among the resources"));
    }

    /** Maps merge; lists of named items (containers, env, volumes) merge by name; other lists are replaced. */
    static void strategicMerge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + e.getKey() + " is not supported here");
            }
            JsonNode current = target.get(e.getKey());
            if (e.getValue().isObject() && current != null && current.isObject()) {
                strategicMerge((ObjectNode) current, (ObjectNode) e.getValue());
            } else if (isNamedList(e.getValue()) && current != null && isNamedList(current)) {
                for (JsonNode item : e.getValue()) {
                    ObjectNode same = null;
                    for (JsonNode existing : current) {
                        same = existing.get("name").equals(item.get("name")) ? (ObjectNode) existing : same;
                    }
                    if (same == null) {
                        ((ArrayNode) current).add(item.deepCopy());
                    } else {
                        strategicMerge(same, (ObjectNode) item);
                    }
                }
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static boolean isNamedList(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return true;
    }

    private static void applyJson6902(ObjectNode doc, JsonNode op) {
        String kind = op.path("op").asText();
        if (!kind.equals("replace") && !kind.equals("add")) {
            throw new IllegalArgumentException("JSON patch op " + kind + " is not supported here");
        }
        JsonPointer path = JsonPointer.compile(op.path("path").asText());
        JsonNode parent = doc.at(path.head());
        String field = path.last().getMatchingProperty();
        if (!(parent instanceof ObjectNode object) || (kind.equals("replace") && !object.has(field))) {
            throw new IllegalArgumentException("JSON patch path " + path + " not in " + doc.path("metadata"));
        }
        object.set(field, op.get("value").deepCopy());
    }

    /** The images transformer: every container whose image name equals the entry's name gets its new name/tag. */
    private static void retag(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode container : node.path(list)) {
                    String current = container.path("image").asText();
                    int colon = current.lastIndexOf(':');
                    String name = colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
                    String tag = colon > current.lastIndexOf('/') ? current.substring(colon + 1) : null;
                    if (name.equals(image.path("name").asText())) {
                        String newName = image.path("newName").asText(name);
                        String newTag = image.has("newTag") ? image.get("newTag").asText() : tag;
                        ((ObjectNode) container).put("image", newTag == null ? newName : newName + ":" + newTag);
                    }
                }
            }
        }
        node.forEach(child -> retag(child, image));
    }
}
