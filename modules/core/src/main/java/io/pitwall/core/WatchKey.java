package io.pitwall.core;

import java.util.Objects;

/**
 * Identifies one watched account: a source and the upstream's account id. Its string form {@code
 * <source>:<accountId>} is the key of watches, state and event records.
 *
 * @param source the upstream
 * @param accountId the upstream's own account identifier, never blank
 */
public record WatchKey(Source source, String accountId) {

  public WatchKey {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(accountId, "accountId");
    if (accountId.isBlank()) {
      throw new IllegalArgumentException("accountId must not be blank");
    }
  }

  /**
   * Parses {@code <source>:<accountId>}.
   *
   * @throws IllegalArgumentException when the text has no colon, an unknown source or a blank id
   */
  public static WatchKey parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "Invalid watch key '" + text + "': expected <source>:<accountId>");
    }
    return new WatchKey(Source.fromId(text.substring(0, colon)), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return source.id() + ":" + accountId;
  }
}
