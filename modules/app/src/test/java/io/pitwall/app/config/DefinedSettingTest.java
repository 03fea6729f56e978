package io.pitwall.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.source.api.config.SettingValidators;
import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;

/** A ConfigDef declaration read the kernel's way: typed, validated, converted, secrets masked. */
class DefinedSettingTest {

  private final ConfigDef definition =
      new ConfigDef()
          .define("a.count", Type.INT, 3, SettingValidators.intRange(1, 5), Importance.LOW, "n")
          .define("a.flag", Type.BOOLEAN, false, Importance.LOW, "f")
          .define(
              "a.period",
              Type.STRING,
              "PT1M",
              SettingValidators.positiveDuration(),
              Importance.LOW,
              "p")
          .define(
              "a.secret", Type.PASSWORD, null, SettingValidators.nonBlank(), Importance.LOW, "s")
          .define("a.needed", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "r");

  @Test
  void shouldTypeEveryValueByItsDeclaration() {
    assertThat(setting("a.count").check().apply(" 4 ")).isEqualTo(4);
    assertThat(setting("a.flag").check().apply("true")).isEqualTo(Boolean.TRUE);
    assertThat(setting("a.secret").check().apply("s3cret")).isEqualTo("s3cret");
    assertThat(setting("a.count").defaultValue()).isEqualTo("3");
    assertThat(setting("a.needed").required()).isTrue();
    assertThat(setting("a.secret").secret()).isTrue();
    assertThat(setting("a.count").secret()).isFalse();
  }

  @Test
  void shouldGiveTheReasonWithoutTheValue() {
    assertThatThrownBy(() -> setting("a.count").check().apply("9"))
        .hasMessage("must be between 1 and 5");
    assertThatThrownBy(() -> setting("a.count").check().apply("many"))
        .hasMessage("not a whole number");
    assertThatThrownBy(() -> setting("a.flag").check().apply("yes"))
        .hasMessage("must be true or false");
    assertThatThrownBy(() -> setting("a.period").check().apply("PT0S"))
        .hasMessage("must be longer than zero");
    assertThatThrownBy(() -> setting("a.secret").check().apply("  "))
        .hasMessage("must not be blank");
  }

  @Test
  void shouldConvertADurationThroughItsValidator() {
    assertThat(
            DefinedSetting.of(
                    new ConfigDef()
                        .define(
                            "k",
                            Type.STRING,
                            "PT5M",
                            SettingValidators.parsedBy(Duration::parse, "a duration"),
                            Importance.LOW,
                            "d")
                        .configKeys()
                        .get("k"))
                .check()
                .apply("PT2M"))
        .isEqualTo(Duration.ofMinutes(2));
  }

  private Setting setting(String key) {
    return DefinedSetting.of(definition.configKeys().get(key));
  }
}
