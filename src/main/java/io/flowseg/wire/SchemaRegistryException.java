package io.flowseg.wire;

/**
 * A schema registry request failed, or the registry refused it. Carries the HTTP status (0 when no
 * answer came at all) and the registry's error code: Confluent's {@code error_code} (for example
 * {@link #SCHEMA_NOT_FOUND}), or the HTTP status when the answer had none. Messages name the
 * request and the registry's own explanation, never credentials.
 */
public final class SchemaRegistryException extends RuntimeException {

    // Confluent's error codes; Karapace and Apicurio's ccompat API answer with the same.
    public static final int UNAUTHORIZED = 401;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int STORE_ERROR = 50001;

    private final int httpStatus;
    private final int errorCode;

    /** The registry answered, with an error. */
    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** No answer came (connection refused, timeout, TLS failure, interruption). */
    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
    }

    /** The HTTP status of the answer, or 0 when none came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Confluent's {@code error_code}, the HTTP status when the answer carried none, or 0 without an answer. */
    public int errorCode() {
        return errorCode;
    }

    /** True when the same request may succeed later: no answer, 429 or a 5xx. Never true for other 4xx. */
    public boolean isTransient() {
        return httpStatus == 0 || httpStatus == 429 || httpStatus >= 500;
    }
}
