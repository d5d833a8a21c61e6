package io.flowseg.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class RegistrySerdeConfigTest {

    @Test
    void readsConfluentsKeys() {
        RegistryClientConfig config = RegistrySerdeConfig.clientConfig(Map.of(
                "schema.registry.url", "http://a:8081, http://b:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "flowseg:s3cret",
                "schema.registry.ssl.truststore.location", "/etc/trust.jks",
                "schema.registry.ssl.truststore.password", new Password("trust-pass"),
                "schema.registry.ssl.truststore.type", "JKS",
                "max.retries", 5,
                "retries.wait.ms", "100",
                "retries.max.wait.ms", "800",
                "http.read.timeout.ms", "2500"));

        assertEquals(List.of("http://a:8081", "http://b:8081"), config.urls());
        assertEquals("flowseg:s3cret", config.basicAuthUserInfo());
        assertEquals(new RegistryTls(Path.of("/etc/trust.jks"), "trust-pass", "JKS", null, null, null, null), config.tls());
        assertEquals(new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(800)), config.retry());
        assertEquals(Duration.ofMillis(2500), config.requestTimeout());
        assertEquals(RegistryClientConfig.DEFAULT_CONNECT_TIMEOUT, config.connectTimeout());
        assertFalse(config.toString().contains("s3cret"), config.toString());
        assertFalse(config.toString().contains("trust-pass"), config.toString());
    }

    @Test
    void defaultsNeedOnlyTheUrl() {
        RegistryClientConfig config = RegistrySerdeConfig.clientConfig(Map.of("schema.registry.url", "http://a:8081"));

        assertEquals(RegistryClientConfig.of("http://a:8081"), config);
        assertNull(config.tls());
    }

    @Test
    void refusesWhatItCannotHonour() {
        assertThrows(ConfigException.class, () -> RegistrySerdeConfig.clientConfig(Map.of()));
        assertThrows(ConfigException.class, () -> RegistrySerdeConfig.clientConfig(Map.of(
                "schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "SASL_INHERIT")));
        assertThrows(ConfigException.class, () -> RegistrySerdeConfig.clientConfig(Map.of(
                "schema.registry.url", "http://a:8081", "max.retries", "many")));
        assertThrows(ConfigException.class, () -> RegistrySerdeConfig.encoder(Map.of(
                "schema.registry.url", "http://a:8081", "value.subject.name.strategy", "NoSuchStrategy"), false));
        assertThrows(ConfigException.class, () -> RegistrySerdeConfig.decoder(Map.of("schema.registry.url", "http://a:8081"), false));
        ConfigException withPassword = assertThrows(ConfigException.class, () -> RegistrySerdeConfig.clientConfig(Map.of(
                "schema.registry.url", "http://user:s3cret@a:8081")));
        assertFalse(withPassword.getMessage().contains("s3cret"), withPassword.getMessage());
    }
}
