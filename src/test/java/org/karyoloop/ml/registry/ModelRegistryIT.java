package org.karyoloop.ml.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.karyoloop.ml.TestModels;

/**
 * Registering an externally trained model over REST: the artifact is verified before it is accepted
 * (hash, loads, declared output shape), a broken one is refused with problem+json, versions are immutable.
 * Both formats: a DJL artifact, and a TorchScript module made by PyTorch (committed fixtures of
 * src/test/resources/torchscript/, see make_fixtures.py there).
 */
@QuarkusTest
class ModelRegistryIT {

    @Inject
    ObjectMapper mapper;

    private final String model = "registry-it-" + UUID.randomUUID();

    @Test
    void validArtifactIsRegisteredOnceAndReadBack() throws Exception {
        byte[] params = TestModels.spreadNetParams(3, 7);
        post("v1", params, metadata("v1", ArtifactFormat.DJL, null)).then().statusCode(201)
                .body("artifactSha256", equalTo(ModelRegistry.sha256(params)))
                .body("origin", equalTo("IMPORTED"))
                .body("createdBy", equalTo("operator1"));
        post("v1", params, metadata("v1", ArtifactFormat.DJL, null)).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("model-version-exists"));
        asOperator().get("/api/models/{m}/versions", model).then().statusCode(200).body("$", hasSize(1));
        asOperator().get("/api/models/{m}/versions/v1", model).then().statusCode(200)
                .body("classes", equalTo(TestModels.CLASSES));
        asOperator().get("/api/models/{m}/versions/nope", model).then().statusCode(404);
    }

    @Test
    void torchScriptModuleTrainedElsewhereIsRegisteredAndOneWithTheWrongOutputsRefused() throws Exception {
        byte[] pt = ModelArtifactsTest.fixture("spread-cnn-64.pt");
        post("ts1", pt, metadata("ts1", ArtifactFormat.TORCHSCRIPT, ModelRegistry.sha256(pt))).then().statusCode(201)
                .body("artifactFormat", equalTo("TORCHSCRIPT"))
                .body("artifactSha256", equalTo(ModelRegistry.sha256(pt)));
        post("ts4", ModelArtifactsTest.fixture("wrong-shape-64.pt"), metadata("ts4", ArtifactFormat.TORCHSCRIPT, null))
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("artifact-wrong-shape"));
        asOperator().get("/api/models/{m}/versions", model).then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void brokenArtifactsAreRefusedWithAClearProblem() throws Exception {
        byte[] params = TestModels.spreadNetParams(3, 7);
        post("corrupt", Arrays.copyOf(params, params.length / 3), metadata("corrupt", ArtifactFormat.DJL, null))
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("artifact-unloadable"));
        post("five", TestModels.spreadNetParams(5, 7), metadata("five", ArtifactFormat.DJL, null)).then()
                .statusCode(422).body("code", org.hamcrest.Matchers.in(
                        new String[] {"artifact-wrong-shape", "artifact-unloadable"}));
        post("ts", params, metadata("ts", ArtifactFormat.TORCHSCRIPT, null)).then().statusCode(422)
                .body("code", equalTo("artifact-unloadable"));
        post("hash", params, metadata("hash", ArtifactFormat.DJL, "00".repeat(32))).then().statusCode(422)
                .body("code", equalTo("artifact-hash-mismatch"));
        asOperator().multiPart("artifact", "m.params", params).multiPart("metadata", "{\"version\":\"x\"}")
                .post("/api/models/{m}/versions", model).then().statusCode(400)
                .body("code", equalTo("invalid-model-metadata"));
        asOperator().get("/api/models/{m}/versions", model).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void modelAndVersionNamesThatCouldTraverseOrCarryMarkupAreRefused() throws Exception {
        byte[] params = TestModels.spreadNetParams(3, 7);
        post("<img src=x onerror=alert(1)>", params, metadata("<img src=x onerror=alert(1)>", ArtifactFormat.DJL, null))
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-model-metadata"));
        post(".hidden", params, metadata(".hidden", ArtifactFormat.DJL, null)).then().statusCode(400);
        asOperator().multiPart("artifact", "v1.bin", params).multiPart("metadata", metadata("v1", ArtifactFormat.DJL,
                null)).post("/api/models/..%2F..%2Fetc/versions").then().statusCode(400)
                .body("code", equalTo("invalid-model-metadata"));
        asOperator().get("/api/models/{m}/versions", model).then().statusCode(200).body("$", hasSize(0));
    }

    private io.restassured.response.Response post(String version, byte[] artifact, String metadata) {
        return asOperator().multiPart("artifact", version + ".bin", artifact).multiPart("metadata", metadata)
                .post("/api/models/{m}/versions", model);
    }

    private String metadata(String version, ArtifactFormat format, String sha256) throws Exception {
        ModelVersionSpec spec = TestModels.spec(model, version, 0.6);
        return mapper.writeValueAsString(new ModelVersionSpec(null, version, format, sha256, spec.architecture(),
                spec.preprocessing(), spec.classes(), 0.6, spec.metrics(), null, null, null, "operator"));
    }

    private static io.restassured.specification.RequestSpecification asOperator() {
        return io.restassured.RestAssured.given().auth().preemptive().basic("operator1", "operator1-pass");
    }
}
