package io.pitwall.app.config;

import java.time.Duration;

/**
 * The checks of {@link PitwallSettings}: each parses a setting's text and throws {@link
 * IllegalArgumentException} with the reason, which becomes "Invalid value X for configuration Y:
 * reason".
 */
final class SettingChecks {

  private SettingChecks() {}

  static Object nonBlank(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("must not be blank");
    }
    return value.trim();
  }

  /**
   * An instance id, or for an empty value this machine's host name ({@code HOSTNAME}, else the name
   * the resolver gives the local host): a StatefulSet's pod names are unique and stable.
   */
  static Object instanceId(String value) {
    String id = value.isBlank() ? hostName() : value.trim();
    if (!id.matches("[a-zA-Z0-9._-]{1,200}")) {
      throw new IllegalArgumentException(
          (value.isBlank() ? "the host name '" + id + "' is not usable as an id: " : "")
              + "may contain only letters, digits, '.', '_' and '-' (at most 200)");
    }
    return id;
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "empty, and this machine's host name is unknown (" + e.getMessage() + "): set an id");
    }
  }

  static Object userInfo(String value) {
    int colon = value.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("must be user:password");
    }
    return value;
  }

  static Object readableFile(String value) {
    java.nio.file.Path path = java.nio.file.Path.of(value.trim());
    if (!java.nio.file.Files.isReadable(path)) {
      throw new IllegalArgumentException("no readable file there");
    }
    return value.trim();
  }

  static Object keystoreType(String value) {
    String type = value.trim().toUpperCase(java.util.Locale.ROOT);
    if (!type.equals("PKCS12") && !type.equals("JKS")) {
      throw new IllegalArgumentException("must be PKCS12 or JKS");
    }
    return type;
  }

  static Object decimalRange(String value, double min, double max) {
    try {
      double parsed = Double.parseDouble(value.trim());
      if (!(parsed > min) || parsed > max) {
        throw new IllegalArgumentException("must be above " + min + " and at most " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number");
    }
  }

  static Object duration(String value) {
    try {
      Duration parsed = Duration.parse(value.trim());
      if (parsed.isNegative()) {
        throw new IllegalArgumentException("must not be negative");
      }
      return parsed;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 duration such as PT30S or PT15M");
    }
  }

  static Object durationAtMost(String value, Duration max) {
    Duration parsed = (Duration) duration(value);
    if (parsed.compareTo(max) > 0) {
      throw new IllegalArgumentException("must be at most " + max);
    }
    return parsed;
  }

  static Object positiveDuration(String value) {
    Duration parsed = (Duration) duration(value);
    if (parsed.isZero()) {
      throw new IllegalArgumentException("must be longer than zero");
    }
    return parsed;
  }

  static Object scheduleMode(String value) {
    return io.pitwall.core.schedule.SchedulingMode.of(value);
  }

  static Object topicPrefix(String value) {
    if (!value.matches("[a-zA-Z0-9._-]*")) {
      throw new IllegalArgumentException("may contain only letters, digits, '.', '_' and '-'");
    }
    return value;
  }
}
