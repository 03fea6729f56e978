package io.pitwall.events.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach a secured schema registry: an {@code Authorization} header (basic auth or a bearer
 * token) and the CAs to trust for https. Its {@link #toString()} never shows the credentials.
 *
 * @param authorization the header's value, or null for none
 * @param sslContext the TLS context, or null for the JVM's default
 */
public record RegistryAccess(String authorization, SSLContext sslContext) {

  /** No authentication, the JVM's trusted CAs. */
  public static final RegistryAccess NONE = new RegistryAccess(null, null);

  /**
   * Builds the access from settings.
   *
   * @param userInfo {@code user:password} for basic auth, or null
   * @param bearerToken a bearer token, or null
   * @param truststore a truststore file, or null
   * @param truststorePassword its password, or null
   * @param truststoreType PKCS12 or JKS
   * @throws IllegalArgumentException when the truststore cannot be read (the message names the
   *     file, never the password)
   */
  public static RegistryAccess of(
      String userInfo,
      String bearerToken,
      String truststore,
      String truststorePassword,
      String truststoreType) {
    String authorization =
        userInfo != null
            ? "Basic "
                + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))
            : bearerToken != null ? "Bearer " + bearerToken : null;
    SSLContext ssl = null;
    if (truststore != null) {
      try (InputStream in = Files.newInputStream(Path.of(truststore))) {
        KeyStore store = KeyStore.getInstance(truststoreType);
        store.load(in, truststorePassword == null ? null : truststorePassword.toCharArray());
        TrustManagerFactory trust =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalArgumentException(
            "cannot read the registry truststore "
                + truststore
                + " ("
                + e.getClass().getSimpleName()
                + ")");
      }
    }
    return new RegistryAccess(authorization, ssl);
  }

  @Override
  public String toString() {
    return "RegistryAccess[authorization="
        + (authorization == null ? "none" : authorization.substring(0, authorization.indexOf(' ')))
        + ", tls="
        + (sslContext == null ? "default" : "truststore")
        + "]";
  }
}
