package io.pitwall.kafka.watches;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.SourceWatchRules;
import io.pitwall.core.WatchParser;
import io.pitwall.source.gridstats.GridstatsPlugin;
import io.pitwall.source.gt.GtProfilePlugin;
import io.pitwall.source.psn.PsnPlugin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class WatchRecordParserTest {

  private final WatchRecordParser parser =
      new WatchRecordParser(new WatchParser(SOURCES, CREDENTIALS));

  /** The credential names configured per source in these tests. */
  static final Map<String, Set<String>> CREDENTIALS =
      Map.of(
          "psn", Set.of("default", "alt"), "gridstats", Set.of("default"), "gt", Set.of("default"));

  /** The real plugins' watch rules. */
  static final List<SourceWatchRules> SOURCES =
      List.of(new PsnPlugin(), new GtProfilePlugin(), new GridstatsPlugin());

  @TestFactory
  Stream<DynamicTest> shouldRejectEveryKindOfBadRecordWithItsReason() {
    assertThat(BadWatchRecords.all()).hasSizeGreaterThanOrEqualTo(20);
    return BadWatchRecords.all().stream()
        .map(
            bad ->
                DynamicTest.dynamicTest(
                    bad.reason() + " " + bad.key(),
                    () -> {
                      WatchRecord record = parser.parse(bad.keyBytes(), bad.valueBytes());
                      assertThat(record).isInstanceOf(WatchRecord.Rejected.class);
                      assertThat(((WatchRecord.Rejected) record).reason()).isEqualTo(bad.reason());
                      assertThat(((WatchRecord.Rejected) record).message()).isNotBlank();
                    }));
  }

  @Test
  void shouldAcceptAFullWatchAndATombstone() {
    WatchRecord record =
        parser.parse(
            "gridstats:skino2024".getBytes(StandardCharsets.UTF_8),
            ("{\"source\":\"gridstats\",\"accountId\":\"skino2024\",\"label\":\"Skino\",\"enabled\":true,"
                    + "\"credential\":\"default\",\"series\":[\"1564\"],\"minInterval\":\"PT1M\",\"maxInterval\":\"PT1H\"}")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(record)
        .isInstanceOfSatisfying(
            WatchRecord.Upsert.class,
            upsert -> {
              assertThat(upsert.watch().label()).isEqualTo("Skino");
              assertThat(upsert.watch().options().list("series")).containsExactly("1564");
              assertThat(upsert.watch().maxInterval()).isEqualTo(Duration.ofHours(1));
            });
    assertThat(parser.parse("psn:123".getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOf(WatchRecord.Remove.class);
  }

  @Test
  void shouldSpreadAWatchWithoutCredentialOverThePoolAndCheckNamedOnesPerSource() {
    assertThat(upsert("psn:123", "{\"source\":\"psn\",\"accountId\":\"123\"}").credential())
        .as("no credential: spread over the pool")
        .isNull();
    assertThat(
            upsert("psn:123", "{\"source\":\"psn\",\"accountId\":\"123\",\"credential\":\"alt\"}")
                .credential())
        .isEqualTo("alt");
    WatchRecord wrongSource =
        parser.parse(
            "gridstats:skino2024".getBytes(StandardCharsets.UTF_8),
            "{\"source\":\"gridstats\",\"accountId\":\"skino2024\",\"credential\":\"alt\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(wrongSource)
        .isInstanceOfSatisfying(
            WatchRecord.Rejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo("UNKNOWN_CREDENTIAL");
              assertThat(r.message()).contains("not configured for gridstats; known: [default]");
            });
    assertThat(
            new WatchRecordParser(new WatchParser(SOURCES, null))
                .parse(
                    "psn:1".getBytes(StandardCharsets.UTF_8),
                    "{\"source\":\"psn\",\"accountId\":\"1\",\"credential\":\"other\"}"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WatchRecord.Upsert.class);
  }

  private io.pitwall.core.WatchDefinition upsert(String key, String json) {
    WatchRecord record =
        parser.parse(key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    assertThat(record).isInstanceOf(WatchRecord.Upsert.class);
    return ((WatchRecord.Upsert) record).watch();
  }
}
