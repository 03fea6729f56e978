package io.pitwall.source.api.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A {@link ConfigDef.Validator} that names the problem without repeating the value, so that the
 * kernel can report every problem at once and mask secrets in its own message.
 */
public abstract class SettingValidator implements ConfigDef.Validator {

  /**
   * The problem with a parsed value.
   *
   * @return null when valid, else the reason, e.g. "must be between 1 and 800"
   */
  public abstract String problem(Object value);

  /**
   * The value as the code reads it, once valid (a duration's text as a {@link java.time.Duration},
   * a mode's name as its enum); the parsed value itself by default.
   */
  public Object convert(Object value) {
    return value;
  }

  @Override
  public final void ensureValid(String name, Object value) {
    String problem = value == null ? null : problem(value);
    if (problem != null) {
      throw new ConfigException(name, value, problem);
    }
  }
}
