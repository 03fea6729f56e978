package io.pitwall.kafka.watches;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class WatchRecordParserTest {

  private final WatchRecordParser parser = new WatchRecordParser(Set.of("default"));

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
              assertThat(upsert.watch().series()).containsExactly("1564");
              assertThat(upsert.watch().maxInterval()).isEqualTo(Duration.ofHours(1));
            });
    assertThat(parser.parse("psn:123".getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOf(WatchRecord.Remove.class);
  }
}
