package io.flowseg.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;

/**
 * Self-signed certificates for TLS tests, made by the JDK's keytool (the JDK has no API to issue
 * one): a key store per identity, and trust stores holding the certificates a side accepts.
 * Every store and key has the password {@link #PASSWORD}.
 */
public final class TestCertificates {
    public static final String PASSWORD = "changeit";

    private final Path folder;

    public TestCertificates(Path folder) {
        this.folder = folder;
    }

    /** A PKCS12 key store with a new EC key pair and a certificate for {@code localhost} and 127.0.0.1. */
    public Path keyStore(String alias) throws IOException, InterruptedException {
        Path store = folder.resolve(alias + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost,OU=" + alias, "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return store;
    }

    /** A trust store of the given type ("PKCS12" or "JKS") holding the certificates of these key stores. */
    public Path trustStore(String type, String fileName, List<Path> keyStores) throws IOException,
            GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(type);
        trust.load(null, null);
        for (Path keyStore : keyStores) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            String alias = keys.aliases().nextElement();
            Certificate certificate = keys.getCertificate(alias);
            trust.setCertificateEntry(alias, certificate);
        }
        Path file = folder.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return file;
    }
}
