package io.pitwall.source.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.source.api.SourcePlugin;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plugin as the engine sees it: found by ServiceLoader, its rules and settings. */
class ExamplePluginTest {

  private final ExamplePlugin plugin = new ExamplePlugin();

  @Test
  void shouldBeFoundByItsOwnRegistrationLine() {
    assertThat(ServiceLoader.load(SourcePlugin.class).stream().map(ServiceLoader.Provider::type))
        .contains(ExamplePlugin.class);
    assertThat(plugin.id()).isEqualTo("example").isEqualTo(plugin.source());
    assertThat(plugin.eventTypes()).containsExactly(ExamplePlugin.BEST_LAP_IMPROVED);
    assertThat(ExamplePlugin.BEST_LAP_IMPROVED.topic("pitwall."))
        .isEqualTo("pitwall.example.best-lap-improved");
    assertThat(ExamplePlugin.BEST_LAP_IMPROVED.schema().getField("envelope").pos()).isZero();
    assertThat(plugin.credentials()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ayrton", "a", "max-33", "lewis_44", "0driver"})
  void shouldAcceptDriverIds(String id) {
    assertThat(plugin.accountIdProblem(id)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "a/b",
        "Ayrton",
        "-x",
        "a b",
        "x\u0000",
        "abcdefghijklmnopqrstuvwxyz0123456"
      })
  void shouldRefuseWhatIsNoDriverIdBeforeItReachesAUrl(String id) {
    assertThat(plugin.accountIdProblem(id)).contains("a lap-times driver id is 1-32");
  }

  @Test
  void shouldDeclareItsSettingsWithDefaultsAndValidators() {
    AbstractConfig defaults = new AbstractConfig(plugin.settings(), Map.of());
    assertThat(defaults.getString("example.base.url")).isEqualTo("http://localhost:8089");
    assertThat(defaults.getInt("example.budget.requests")).isEqualTo(60);
    assertThat(defaults.getString("example.budget.period")).isEqualTo("PT1M");

    assertThatThrownBy(
            () -> new AbstractConfig(plugin.settings(), Map.of("example.budget.requests", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("example.budget.requests")
        .hasMessageContaining("must be between 1 and 1000000");
    assertThatThrownBy(
            () -> new AbstractConfig(plugin.settings(), Map.of("example.budget.period", "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not an ISO-8601 duration");
    assertThatThrownBy(
            () -> new AbstractConfig(plugin.settings(), Map.of("example.base.url", "ftp://x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be an http or https URL");
  }
}
