package io.pitwall.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.app.config.SourcePlugins;
import io.pitwall.core.WatchKey;
import io.pitwall.core.WatchParser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code watch add -o name=value} types each option the way its source declares it. */
class WatchOptionArgumentsTest {

  @Test
  void shouldWriteAFlagAsABooleanAndAListAsAnArray() {
    ObjectNode psn = value("psn", "123");
    WatchAddCommand.putOption(psn, "backfill", "true");
    ObjectNode grid = value("gridstats", "skino2024");
    WatchAddCommand.putOption(grid, "series", "1564,1565");

    assertThat(psn.get("backfill").isBoolean()).isTrue();
    assertThat(grid.get("series").isArray()).isTrue();
    assertThat(definition(grid).options().list("series")).containsExactly("1564", "1565");
    assertThat(definition(psn).options().flag("backfill")).isTrue();
  }

  @Test
  void shouldLeaveAnOptionTheSourceDoesNotDeclareForTheParserToRefuse() {
    ObjectNode gt = value("gt", "9568550");
    WatchAddCommand.putOption(gt, "backfill", "true");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> definition(gt))
        .isInstanceOfSatisfying(
            WatchParser.Rejection.class, r -> assertThat(r.reason()).isEqualTo("BAD_OPTION"));
  }

  private static ObjectNode value(String source, String account) {
    return new ObjectMapper().createObjectNode().put("source", source).put("accountId", account);
  }

  private static io.pitwall.core.WatchDefinition definition(ObjectNode value) {
    Map<String, Object> fields = new LinkedHashMap<>();
    value
        .fields()
        .forEachRemaining(
            f ->
                fields.put(
                    f.getKey(),
                    f.getValue().isArray()
                        ? new ObjectMapper().convertValue(f.getValue(), java.util.List.class)
                        : f.getValue().isBoolean()
                            ? f.getValue().asBoolean()
                            : f.getValue().asText()));
    return SourcePlugins.installed()
        .watchParser(null)
        .definition(
            new WatchKey(value.get("source").asText(), value.get("accountId").asText()), fields);
  }
}
