package io.flowseg.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS towards the registry: a trust store holding the registry's certificate or its CA, and for
 * mutual TLS a key store holding this client's key and certificate. Either store may be absent: no
 * trust store means the JDK's default CAs, no key store means no client certificate. Store types
 * are PKCS12 (the default) or JKS.
 *
 * @param trustStore         trust store file, or null for the JDK's CAs
 * @param trustStorePassword its password, or null when it has none
 * @param trustStoreType     PKCS12 or JKS; null means PKCS12
 * @param keyStore           key store file for a client certificate, or null
 * @param keyStorePassword   its password
 * @param keyStoreType       PKCS12 or JKS; null means PKCS12
 * @param keyPassword        the private key's password; null means the key store's
 */
public record RegistryTls(Path trustStore, String trustStorePassword, String trustStoreType,
                          Path keyStore, String keyStorePassword, String keyStoreType, String keyPassword) {

    private static final String DEFAULT_TYPE = "PKCS12";

    /** Trusts the certificates in a PKCS12 trust store. */
    public static RegistryTls trustStore(Path trustStore, String password) {
        return new RegistryTls(trustStore, password, DEFAULT_TYPE, null, null, null, null);
    }

    /** The same, plus a client certificate from a PKCS12 key store whose key has the store's password. */
    public RegistryTls withKeyStore(Path keyStore, String password) {
        return new RegistryTls(trustStore, trustStorePassword, trustStoreType, keyStore, password, DEFAULT_TYPE, null);
    }

    /**
     * Builds the SSL context.
     *
     * @throws IllegalArgumentException when a store cannot be read or opened, with the reason
     */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore == null ? null : load("trust store", trustStore, trustStorePassword, trustStoreType));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS for the schema registry: " + e.getMessage(), e);
        }
    }

    private KeyManager[] keyManagers() throws GeneralSecurityException {
        if (keyStore == null) {
            return null;
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        String password = keyPassword != null ? keyPassword : keyStorePassword;
        keys.init(load("key store", keyStore, keyStorePassword, keyStoreType), chars(password));
        return keys.getKeyManagers();
    }

    private static KeyStore load(String role, Path file, String password, String type) {
        String storeType = type == null || type.isBlank() ? DEFAULT_TYPE : type;
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(storeType);
            store.load(in, chars(password));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password surfaces as an IOException whose message says so.
            throw new IllegalArgumentException("cannot open the " + role + " " + file + " (" + storeType + "): "
                    + e.getMessage(), e);
        }
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }

    /** Leaves the passwords out. */
    @Override
    public String toString() {
        return "RegistryTls[trustStore=" + trustStore + " (" + trustStoreType + "), keyStore=" + keyStore
                + " (" + keyStoreType + ")]";
    }
}
