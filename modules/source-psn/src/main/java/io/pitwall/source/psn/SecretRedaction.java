package io.pitwall.source.psn;

import java.util.regex.Pattern;

/**
 * Masks the PSN secrets that upstream text can carry: sign-in codes, access, refresh and id tokens
 * and the npsso, whether as query or form parameters ({@code code=v3.xyz}), cookies, JSON fields
 * ({@code "access_token": "..."}) or bearer headers. Every {@link PsnException} message and cause
 * goes through it, so that an authorize redirect quoted by a parser error cannot reach a log, a
 * metric or a watch's status reason.
 */
public final class SecretRedaction {

  /** What replaces a secret. */
  public static final String MASK = "****";

  private static final String NAMES = "code|access_token|refresh_token|id_token|npsso|token";
  private static final Pattern PARAMETER =
      Pattern.compile("(?i)(?<![A-Za-z_])(" + NAMES + ")(\\s*=\\s*)[^&;\\s\"'#,)}\\]]+");
  private static final Pattern JSON_FIELD =
      Pattern.compile("(?i)(\"(?:" + NAMES + ")\"\\s*:\\s*\")[^\"]*(\")");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");

  private SecretRedaction() {}

  /** The text with every secret masked; null stays null. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String masked = PARAMETER.matcher(text).replaceAll("$1$2" + MASK);
    masked = JSON_FIELD.matcher(masked).replaceAll("$1" + MASK + "$2");
    return BEARER.matcher(masked).replaceAll("$1" + MASK);
  }

  /**
   * A copy of a cause chain whose messages are redacted: each link becomes a {@link Redacted} that
   * names the original type and keeps its stack trace. Null stays null.
   */
  static Throwable redact(Throwable cause) {
    if (cause == null || cause instanceof Redacted || cause instanceof PsnException) {
      return cause;
    }
    Redacted copy =
        new Redacted(
            cause.getClass().getName() + ": " + redact(cause.getMessage()),
            redact(cause.getCause()));
    copy.setStackTrace(cause.getStackTrace());
    return copy;
  }

  /** A cause whose message was redacted; its message starts with the original type's name. */
  static final class Redacted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Redacted(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
