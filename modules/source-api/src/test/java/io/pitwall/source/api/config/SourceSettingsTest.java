package io.pitwall.source.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.source.api.AccountIdRule;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The settings every metered source declares alike, and the account-id rule. */
class SourceSettingsTest {

  private final SourceSettings settings = new SourceSettings("lap");

  private final ConfigDef definition =
      settings.timeout(
          settings.budget(
              settings.baseUrl(new ConfigDef(), "http://localhost:1", "url"),
              60,
              "PT1M",
              "requests",
              "period"),
          "PT10S",
          "timeout");

  @Test
  void shouldDeclareTheKeysUnderTheSourceIdWithTheirDefaults() {
    assertThat(definition.names())
        .containsExactlyInAnyOrder(
            "lap.base.url", "lap.budget.requests", "lap.budget.period", "lap.request.timeout");
    AbstractConfig config = new AbstractConfig(definition, Map.of("lap.budget.period", "PT2M"));
    assertThat(settings.baseUrl(config)).isEqualTo("http://localhost:1");
    assertThat(settings.timeout(config)).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.getInt("lap.budget.requests")).isEqualTo(60);
  }

  @Test
  void shouldRefuseABadValueNamingTheKey() {
    assertThatThrownBy(() -> new AbstractConfig(definition, Map.of("lap.budget.requests", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("lap.budget.requests: must be between 1 and 1000000");
    assertThatThrownBy(() -> new AbstractConfig(definition, Map.of("lap.base.url", "ftp://x")))
        .hasMessageContaining("must be an http or https URL with a host");
  }

  @Test
  void shouldNameWhatAnAccountIdIsAndShowTheBadOnePrintable() {
    AccountIdRule rule = AccountIdRule.of("[0-9]{1,5}", "a lap id is a number");

    assertThat(rule.problem("123")).isNull();
    assertThat(rule.problem("12\u0007/..")).isEqualTo("a lap id is a number, not '12?/..'");
  }
}
