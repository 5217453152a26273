package org.karyoloop.ml.registry;

import org.karyoloop.platform.problem.ProblemException;

/** A model artifact or its metadata was refused at registration or could not be loaded for serving. */
public final class ModelArtifactRejectedException extends ProblemException {

    /** Why, with a stable code for problem+json and metrics. */
    public enum Reason {
        INVALID_METADATA("invalid-model-metadata"),
        HASH_MISMATCH("artifact-hash-mismatch"),
        UNLOADABLE("artifact-unloadable"),
        WRONG_SHAPE("artifact-wrong-shape"),
        MISSING("artifact-missing");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public ModelArtifactRejectedException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public ModelArtifactRejectedException(Reason reason, String detail, Throwable cause) {
        super(reason == Reason.INVALID_METADATA ? Kind.INVALID : Kind.UNPROCESSABLE, reason.code(),
                reason == Reason.INVALID_METADATA ? "Invalid model metadata" : "Model artifact refused", detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
