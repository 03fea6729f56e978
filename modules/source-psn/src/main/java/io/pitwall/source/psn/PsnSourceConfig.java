package io.pitwall.source.psn;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one PSN credential and how Pitwall reads with it.
 *
 * @param apiBaseUrl Trophy API base, e.g. https://m.np.playstation.com/api/trophy
 * @param authBaseUrl OAuth base, e.g. https://ca.account.sony.com/api/authz/v3/oauth
 * @param npsso the npsso cookie of the authenticating account (secret)
 * @param language Accept-Language for trophy names, e.g. en-US
 * @param pageSize titles per page in steady state (the first page usually reaches the watermark)
 * @param baselinePageSize titles per page when walking a whole list for a baseline (max 800)
 * @param requestTimeout limit on each request
 */
public record PsnSourceConfig(
    String apiBaseUrl,
    String authBaseUrl,
    String npsso,
    String language,
    int pageSize,
    int baselinePageSize,
    Duration requestTimeout) {

  public PsnSourceConfig {
    Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    Objects.requireNonNull(authBaseUrl, "authBaseUrl");
    Objects.requireNonNull(npsso, "npsso");
    apiBaseUrl = stripSlash(apiBaseUrl);
    authBaseUrl = stripSlash(authBaseUrl);
  }

  /** Defaults for the given endpoints and npsso. */
  public static PsnSourceConfig of(String apiBaseUrl, String authBaseUrl, String npsso) {
    return new PsnSourceConfig(
        apiBaseUrl, authBaseUrl, npsso, "en-US", 20, 800, Duration.ofSeconds(30));
  }

  /** Never prints the npsso. */
  @Override
  public String toString() {
    return "PsnSourceConfig[apiBaseUrl="
        + apiBaseUrl
        + ", authBaseUrl="
        + authBaseUrl
        + ", npsso=****, language="
        + language
        + ", pageSize="
        + pageSize
        + ", baselinePageSize="
        + baselinePageSize
        + ", requestTimeout="
        + requestTimeout
        + "]";
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
