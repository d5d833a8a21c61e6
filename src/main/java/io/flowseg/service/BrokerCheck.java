package io.flowseg.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Asks the broker to describe its cluster, as the service's connection settings ({@code kafka.*})
 * would, and when that fails says why in words an operator can act on: credentials refused, a TLS
 * handshake that failed, a TLS listener spoken to in plain text, nothing listening. Readiness and
 * serve's start-up report it; the Kafka clients alone would only time out or log each retry.
 */
public final class BrokerCheck implements ConnectionWatch.Check {
    private final Admin admin;
    private final String securityProtocol;
    private final String bootstrapServers;

    public BrokerCheck(Map<String, Object> connection) {
        this.securityProtocol = String.valueOf(connection.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL)).toUpperCase(java.util.Locale.ROOT);
        this.bootstrapServers = String.valueOf(connection.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        this.admin = Admin.create(connection);
    }

    /** Whether the broker answered within {@code timeout}, and if not, why. */
    @Override
    public ConnectionStatus check(Duration timeout) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return ConnectionStatus.REACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectionStatus(false, "interrupted while asking the broker");
        } catch (ExecutionException e) {
            return new ConnectionStatus(false, explain(e.getCause()));
        } catch (java.util.concurrent.TimeoutException e) {
            return new ConnectionStatus(false, explainSilence());
        }
    }

    private String explain(Throwable failure) {
        if (failure instanceof SaslAuthenticationException) {
            return "Kafka refused flowseg's SASL credentials (" + failure.getMessage()
                    + "): check the user name and password in kafka.sasl.jaas.config and kafka.sasl.mechanism";
        }
        if (failure instanceof SslAuthenticationException) {
            return "the TLS handshake with Kafka at " + bootstrapServers + " failed (" + Failures.rootMessage(failure)
                    + "): check kafka.ssl.truststore.* and, where the broker requires client certificates, kafka.ssl.keystore.*";
        }
        if (failure instanceof AuthenticationException) {
            return "Kafka refused to authenticate flowseg (" + failure.getMessage() + ")";
        }
        if (failure instanceof AuthorizationException) {
            return "Kafka does not allow flowseg's user to describe the cluster (" + failure.getMessage()
                    + "): check its ACLs";
        }
        if (failure instanceof org.apache.kafka.common.errors.TimeoutException) {
            return explainSilence();
        }
        return "Kafka at " + bootstrapServers + " could not be asked: " + Failures.rootMessage(failure);
    }

    /** No answer at all: find out whether anything listens, and whether it expects TLS we do not speak. */
    private String explainSilence() {
        StringBuilder problems = new StringBuilder();
        for (String listed : bootstrapServers.split(",")) {
            String address = listed.trim();
            ListenerProbe.Finding finding = ListenerProbe.probe(address, Duration.ofSeconds(2));
            String problem = switch (finding) {
                case NOTHING_LISTENING -> "nothing listens at " + address;
                case SPEAKS_TLS -> securityProtocol.endsWith("SSL")
                        ? "the broker at " + address + " accepted TLS but did not answer flowseg's requests"
                        : "the listener at " + address + " expects TLS, but kafka.security.protocol is "
                        + securityProtocol + ": set it to SASL_SSL or SSL, with the broker's trust store";
                case NO_TLS -> securityProtocol.endsWith("SSL")
                        ? "the listener at " + address + " does not speak TLS, but kafka.security.protocol is "
                        + securityProtocol
                        : "the broker at " + address + " accepted the connection but did not answer: does "
                        + "kafka.security.protocol (" + securityProtocol + ") match its listener?";
            };
            problems.append(problems.isEmpty() ? "" : "; ").append(problem);
        }
        return "no answer from Kafka: " + problems;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
