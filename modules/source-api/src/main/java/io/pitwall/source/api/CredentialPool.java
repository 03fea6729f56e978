package io.pitwall.source.api;

/**
 * How a source's credentials are configured: {@code <key>} is the member named {@code default},
 * {@code <key>.<name>} adds a named member to the pool. Every member has its own client and budget.
 *
 * @param key the setting key, e.g. {@code psn.npsso}
 * @param doc what the credential is, for the configuration reference
 */
public record CredentialPool(String key, String doc) {

  /** The name of the member the plain setting configures ({@code psn.npsso}). */
  public static final String DEFAULT_MEMBER = "default";

  /** The prefix of the named members' keys: {@code psn.npsso.}. */
  public String namedPrefix() {
    return key + ".";
  }
}
