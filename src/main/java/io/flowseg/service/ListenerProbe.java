package io.flowseg.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Looks at a Kafka listener from outside the Kafka protocol: does anything accept connections at
 * the address, and does it answer a TLS hello with a certificate? Only the handshake's first
 * flight is exchanged and nothing is trusted or sent beyond it: this diagnoses a silent broker,
 * it never carries data.
 */
final class ListenerProbe {

    enum Finding { NOTHING_LISTENING, SPEAKS_TLS, NO_TLS }

    private ListenerProbe() {
    }

    static Finding probe(String hostAndPort, Duration timeout) {
        int colon = hostAndPort.lastIndexOf(':');
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1)));
        } catch (RuntimeException e) {
            return Finding.NOTHING_LISTENING;
        }
        int millis = (int) timeout.toMillis();
        AtomicBoolean sentCertificate = new AtomicBoolean();
        try (Socket raw = new Socket()) {
            try {
                raw.connect(address, millis);
            } catch (IOException e) {
                return Finding.NOTHING_LISTENING;
            }
            raw.setSoTimeout(millis);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new CertificateSpy(sentCertificate)}, null);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw,
                    address.getHostString(), address.getPort(), false)) {
                tls.startHandshake();
            }
        } catch (IOException | GeneralSecurityException e) {
            // A refused client certificate or protocol mismatch still means TLS, if a certificate came first.
        }
        return sentCertificate.get() ? Finding.SPEAKS_TLS : Finding.NO_TLS;
    }

    /** Notes that the server presented a certificate, then refuses it: the probe must not go on talking. */
    private record CertificateSpy(AtomicBoolean sentCertificate) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            sentCertificate.set(true);
            throw new java.security.cert.CertificateException("probe only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
