package io.pitwall.source.api.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** The validators sources and the kernel declare their settings with. */
public final class SettingValidators {

  private SettingValidators() {}

  /** A whole number from {@code min} to {@code max}. */
  public static SettingValidator intRange(int min, int max) {
    return of(
        v ->
            ((Number) v).longValue() < min || ((Number) v).longValue() > max
                ? "must be between " + min + " and " + max
                : null,
        "a whole number from " + min + " to " + max);
  }

  /** An http or https URL with a host. */
  public static SettingValidator url() {
    return of(
        v -> {
          try {
            URI uri = URI.create(String.valueOf(v).trim());
            return !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                    || uri.getHost() == null
                ? "must be an http or https URL with a host"
                : null;
          } catch (IllegalArgumentException e) {
            return "not a URL (" + e.getMessage() + ")";
          }
        },
        "an http or https URL");
  }

  /** An ISO-8601 duration longer than zero, such as PT15M. */
  public static SettingValidator positiveDuration() {
    return of(
        v -> {
          try {
            Duration d = Duration.parse(String.valueOf(v).trim());
            return d.isNegative() || d.isZero() ? "must be longer than zero" : null;
          } catch (DateTimeParseException e) {
            return "not an ISO-8601 duration such as PT30S or PT15M";
          }
        },
        "an ISO-8601 duration, e.g. PT15M");
  }

  /** Text that is not blank. */
  public static SettingValidator nonBlank() {
    return of(v -> String.valueOf(v).isBlank() ? "must not be blank" : null, "non-blank text");
  }

  /**
   * A validator from a parser that throws {@link IllegalArgumentException} with the reason; the
   * parser's result is the value the code reads ({@link SettingValidator#convert}).
   */
  public static SettingValidator parsedBy(Function<String, ?> parser, String description) {
    return new SettingValidator() {
      @Override
      public String problem(Object value) {
        try {
          parser.apply(String.valueOf(value));
          return null;
        } catch (IllegalArgumentException e) {
          return e.getMessage();
        }
      }

      @Override
      public Object convert(Object value) {
        return parser.apply(String.valueOf(value));
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }

  private static SettingValidator of(Function<Object, String> check, String description) {
    return new SettingValidator() {
      @Override
      public String problem(Object value) {
        return check.apply(value);
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }

  /** Reads a validated duration setting. */
  public static Duration duration(String text) {
    return Duration.parse(text.trim());
  }
}
