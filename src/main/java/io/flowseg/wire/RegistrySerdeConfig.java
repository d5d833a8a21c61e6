package io.flowseg.wire;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The configuration keys of {@link RegistryAvroSerializer} and {@link RegistryAvroDeserializer},
 * named as Confluent's Avro serde names them, so a Confluent client configuration carries over.
 */
public final class RegistrySerdeConfig {

    /** Comma-separated base URLs of the registry. Required. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Only USER_INFO (the credentials of {@link #BASIC_AUTH_USER_INFO}) is supported; may be left out. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** "user:password" for HTTP basic auth; {@code schema.registry.basic.auth.user.info} is read too. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** PKCS12 (default) or JKS. */
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    /** PKCS12 (default) or JKS. */
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    /** The private key's password; defaults to the key store's. */
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    /** Default 10000. */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    /** Longest wait for one answer; default 30000. */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    /** Retries after the first try of a request that failed transiently; default 3. */
    public static final String MAX_RETRIES = "max.retries";
    /** Wait before the first retry, doubled on each; default 1000. */
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    /** Longest wait between retries; default 2000. */
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    /** Serializer: register unknown schemas (default true), or only look them up. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Serializer: a {@link SubjectNameStrategy} name or Confluent's class name; default TOPIC_NAME. */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** Deserializer: the class keys decode into, a generated record class or java.lang.String. Required for keys. */
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    /** Deserializer: the class values decode into. Required for values. */
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

    private static final String PREFIXED_BASIC_AUTH_USER_INFO = "schema.registry." + BASIC_AUTH_USER_INFO;

    private final Map<String, ?> configs;

    private RegistrySerdeConfig(Map<String, ?> configs) {
        this.configs = configs;
    }

    /**
     * The registry client configuration these keys describe.
     *
     * @throws ConfigException naming the key that is missing or wrong
     */
    public static RegistryClientConfig clientConfig(Map<String, ?> configs) {
        return new RegistrySerdeConfig(configs).clientConfig();
    }

    static AvroEventEncoder encoder(Map<String, ?> configs, boolean isKey) {
        RegistrySerdeConfig config = new RegistrySerdeConfig(configs);
        String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        String strategyName = config.string(strategyKey);
        SubjectNameStrategy strategy;
        try {
            strategy = strategyName == null ? SubjectNameStrategy.TOPIC_NAME : SubjectNameStrategy.parse(strategyName);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(strategyKey, strategyName, e.getMessage());
        }
        return new AvroEventEncoder(client(config), strategy, config.bool(AUTO_REGISTER_SCHEMAS, true));
    }

    static AvroEventDecoder<?> decoder(Map<String, ?> configs, boolean isKey) {
        RegistrySerdeConfig config = new RegistrySerdeConfig(configs);
        String typeKey = isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE;
        Class<?> type = config.type(typeKey);
        try {
            return new AvroEventDecoder<>(client(config), type);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(typeKey, type.getName(), e.getMessage());
        }
    }

    private static SchemaRegistryClient client(RegistrySerdeConfig config) {
        return SchemaRegistryClient.create(config.clientConfig());
    }

    private RegistryClientConfig clientConfig() {
        String urls = string(SCHEMA_REGISTRY_URL);
        if (urls == null) {
            throw new ConfigException("missing " + SCHEMA_REGISTRY_URL + ": the schema registry's URL");
        }
        String source = string(BASIC_AUTH_CREDENTIALS_SOURCE);
        if (source != null && !source.equals("USER_INFO")) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "only USER_INFO is supported");
        }
        String userInfo = string(BASIC_AUTH_USER_INFO) != null ? string(BASIC_AUTH_USER_INFO) : string(PREFIXED_BASIC_AUTH_USER_INFO);
        int maxRetries = (int) number(MAX_RETRIES, RetryPolicy.DEFAULT.maxAttempts() - 1);
        RetryPolicy retry = new RetryPolicy(maxRetries + 1,
                Duration.ofMillis(number(RETRIES_WAIT_MS, RetryPolicy.DEFAULT.initialBackoff().toMillis())),
                Duration.ofMillis(number(RETRIES_MAX_WAIT_MS, RetryPolicy.DEFAULT.maxBackoff().toMillis())));
        try {
            return RegistryClientConfig.of(urls)
                    .withBasicAuth(userInfo)
                    .withTls(tls())
                    .withTimeouts(
                            Duration.ofMillis(number(HTTP_CONNECT_TIMEOUT_MS, RegistryClientConfig.DEFAULT_CONNECT_TIMEOUT.toMillis())),
                            Duration.ofMillis(number(HTTP_READ_TIMEOUT_MS, RegistryClientConfig.DEFAULT_REQUEST_TIMEOUT.toMillis())))
                    .withRetry(retry);
        } catch (IllegalArgumentException e) {
            // The messages of RegistryClientConfig never repeat credentials.
            throw new ConfigException("invalid schema registry client configuration: " + e.getMessage());
        }
    }

    private RegistryTls tls() {
        String trustStore = string(SSL_TRUSTSTORE_LOCATION);
        String keyStore = string(SSL_KEYSTORE_LOCATION);
        if (trustStore == null && keyStore == null) {
            return null;
        }
        return new RegistryTls(path(trustStore), string(SSL_TRUSTSTORE_PASSWORD), string(SSL_TRUSTSTORE_TYPE),
                path(keyStore), string(SSL_KEYSTORE_PASSWORD), string(SSL_KEYSTORE_TYPE), string(SSL_KEY_PASSWORD));
    }

    private String string(String key) {
        Object value = configs.get(key);
        if (value == null) {
            return null;
        }
        // Kafka hands over passwords it knows of as Password, whose toString hides them.
        String text = value instanceof Password password ? password.value() : value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private boolean bool(String key, boolean defaultValue) {
        String value = string(key);
        if (value == null) {
            return defaultValue;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new ConfigException(key, value, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private long number(String key, long defaultValue) {
        String value = string(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new ConfigException(key, value, "must not be negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "must be a whole number");
        }
    }

    private Class<?> type(String key) {
        Object value = configs.get(key);
        if (value instanceof Class<?> type) {
            return type;
        }
        String name = string(key);
        if (name == null) {
            throw new ConfigException("missing " + key + ": the class to decode into (a generated Avro record class or java.lang.String)");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name, true, loader != null ? loader : RegistrySerdeConfig.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, name, "no such class");
        }
    }

    private static Path path(String location) {
        return location == null ? null : Path.of(location);
    }
}
