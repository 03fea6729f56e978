package io.pitwall.app.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration setting, declared once: key, type (by its parser), default, validation,
 * documentation, and whether it is a secret (masked wherever it is shown).
 *
 * @param key the property key, e.g. {@code psn.base.url}; its environment variable is {@code
 *     PITWALL_PSN_BASE_URL}
 * @param defaultValue the default as text, or null when required (or optional without default)
 * @param required whether a value must be given
 * @param secret whether the value must never be shown
 * @param doc what it is for
 * @param check parses and validates the text, throwing {@link IllegalArgumentException} with the
 *     reason when invalid
 */
public record Setting(
    String key,
    String defaultValue,
    boolean required,
    boolean secret,
    String doc,
    Function<String, Object> check) {

  /** The environment variable that sets this key. */
  public String envName() {
    return envName(key);
  }

  /** The environment variable of a key (or of a key prefix such as {@code watch.}). */
  public static String envName(String key) {
    return "PITWALL_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
