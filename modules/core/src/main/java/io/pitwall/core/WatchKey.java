package io.pitwall.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one watched account: a source and the upstream's account id. Its string form {@code
 * <source>:<accountId>} is the key of watches, state and event records.
 *
 * @param source the id of the source plugin ({@code psn}, {@code gt}, {@code gridstats}, ...)
 * @param accountId the upstream's own account identifier, never blank
 */
public record WatchKey(String source, String accountId) {

  /** What a source id looks like: a lower-case letter, then up to 31 letters, digits or '-'. */
  public static final Pattern SOURCE_ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public WatchKey {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(accountId, "accountId");
    if (!SOURCE_ID.matcher(source).matches()) {
      throw new IllegalArgumentException(
          "Invalid source id '"
              + printable(source)
              + "': a lower-case letter, then letters, digits or '-'");
    }
    if (accountId.isBlank()) {
      throw new IllegalArgumentException("accountId must not be blank");
    }
  }

  /**
   * Parses {@code <source>:<accountId>}. Whether the source exists and the id is valid for it is
   * the {@link WatchParser}'s business.
   *
   * @throws IllegalArgumentException when the text has no colon, a malformed source or a blank id
   */
  public static WatchKey parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "Invalid watch key '" + printable(text) + "': expected <source>:<accountId>");
    }
    return new WatchKey(text.substring(0, colon), text.substring(colon + 1));
  }

  /** The text with control characters replaced and cut to 40 characters, for messages. */
  public static String printable(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }

  @Override
  public String toString() {
    return source + ":" + accountId;
  }
}
