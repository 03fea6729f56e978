package io.pitwall.app.config;

import io.pitwall.source.api.CredentialPool;
import io.pitwall.source.api.config.SettingValidator;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A setting declared in a {@link ConfigDef} (the kernel's or a plugin's) as the configuration
 * loader reads it: its text parsed by the definition's type, checked by its validator, and
 * converted to the value the code reads.
 */
final class DefinedSetting {

  private DefinedSetting() {}

  /** A setting declared in a plugin's {@link ConfigDef}. */
  static Setting of(ConfigDef.ConfigKey key) {
    boolean required = key.defaultValue == ConfigDef.NO_DEFAULT_VALUE;
    boolean secret = key.type == ConfigDef.Type.PASSWORD;
    String defaultText = required || key.defaultValue == null ? null : text(key.defaultValue);
    return new Setting(
        key.name, defaultText, required, secret, key.documentation, v -> check(key, v));
  }

  /** The plain credential setting of a plugin's pool (the member named {@code default}). */
  static Setting of(CredentialPool pool) {
    return new Setting(pool.key(), null, false, true, pool.doc(), SettingChecks::nonBlank);
  }

  private static Object check(ConfigDef.ConfigKey key, String text) {
    Object value;
    if (key.type == ConfigDef.Type.PASSWORD) {
      value = text.trim(); // checked as text, never shown
    } else {
      try {
        value = ConfigDef.parseType(key.name, text.trim(), key.type);
      } catch (org.apache.kafka.common.config.ConfigException e) {
        throw new IllegalArgumentException(
            switch (key.type) {
              case INT, SHORT, LONG -> "not a whole number";
              case DOUBLE -> "not a number";
              case BOOLEAN -> "must be true or false";
              default -> reason(key.name, e);
            });
      }
    }
    if (key.validator instanceof SettingValidator validator) {
      String problem = validator.problem(value);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    } else if (key.validator != null) {
      try {
        key.validator.ensureValid(key.name, value);
      } catch (org.apache.kafka.common.config.ConfigException e) {
        throw new IllegalArgumentException(reason(key.name, e));
      }
    }
    return key.validator instanceof SettingValidator validator ? validator.convert(value) : value;
  }

  /** Kafka's message without its "Invalid value X for configuration K: " (no value repeated). */
  private static String reason(String name, Exception e) {
    String message = String.valueOf(e.getMessage());
    String marker = "for configuration " + name + ": ";
    int at = message.indexOf(marker);
    return at < 0 ? "invalid" : message.substring(at + marker.length());
  }

  private static String text(Object value) {
    if (value instanceof Double d) {
      return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return value instanceof java.util.List<?> list
        ? String.join(",", list.stream().map(String::valueOf).toList())
        : String.valueOf(value);
  }
}
