package io.pitwall.source.api.config;

import io.pitwall.core.budget.TokenBucket;
import io.pitwall.source.api.SourceContext;
import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The settings a metered source declares the same way, under its id: {@code <id>.base.url}, {@code
 * <id>.budget.requests} and {@code <id>.budget.period} (one budget per credential), {@code
 * <id>.request.timeout}. Declared into the plugin's {@link ConfigDef}, read back from its {@link
 * AbstractConfig}.
 */
public final class SourceSettings {

  private final String source;

  /**
   * @param source the source id, the prefix of the keys
   */
  public SourceSettings(String source) {
    this.source = source;
  }

  /** A key of this source: {@code <id>.<suffix>}. */
  public String key(String suffix) {
    return source + "." + suffix;
  }

  /** Declares {@code <id>.base.url}. */
  public ConfigDef baseUrl(ConfigDef definition, String defaultUrl, String doc) {
    return definition.define(
        key("base.url"), Type.STRING, defaultUrl, SettingValidators.url(), Importance.MEDIUM, doc);
  }

  /** Declares {@code <id>.budget.requests} and {@code <id>.budget.period}. */
  public ConfigDef budget(
      ConfigDef definition, int requests, String period, String requestsDoc, String periodDoc) {
    return definition
        .define(
            key("budget.requests"),
            Type.INT,
            requests,
            SettingValidators.intRange(1, 1_000_000),
            Importance.MEDIUM,
            requestsDoc)
        .define(
            key("budget.period"),
            Type.STRING,
            period,
            SettingValidators.positiveDuration(),
            Importance.MEDIUM,
            periodDoc);
  }

  /** Declares {@code <id>.request.timeout}. */
  public ConfigDef timeout(ConfigDef definition, String defaultTimeout, String doc) {
    return definition.define(
        key("request.timeout"),
        Type.STRING,
        defaultTimeout,
        SettingValidators.positiveDuration(),
        Importance.LOW,
        doc);
  }

  /** The configured base URL. */
  public String baseUrl(AbstractConfig config) {
    return config.getString(key("base.url"));
  }

  /** The configured request timeout. */
  public Duration timeout(AbstractConfig config) {
    return SettingValidators.duration(config.getString(key("request.timeout")));
  }

  /** A new budget of the configured size for one credential, reported in the metrics. */
  public TokenBucket budget(SourceContext context, String credential) {
    AbstractConfig config = context.config();
    return context.budget(
        credential,
        config.getInt(key("budget.requests")),
        SettingValidators.duration(config.getString(key("budget.period"))));
  }
}
