package io.pitwall.kafka.watches;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchJsonTest {

  private final WatchParser rules =
      new WatchParser(WatchRecordParserTest.SOURCES, WatchRecordParserTest.CREDENTIALS);
  private final WatchRecordParser parser = new WatchRecordParser(rules);

  @Test
  void shouldWriteWhatTheParserReadsBackWithItsOrigin() {
    for (String text :
        List.of(
            "psn:123 label=Main backfill=true credential=alt minInterval=PT1M maxInterval=PT1H",
            "psn:me",
            "gridstats:skino2024 series=1564,1565 enabled=false",
            "gt:9568550 label=Öhlins")) {
      WatchDefinition watch = rules.parseText(text);
      byte[] value = WatchJson.of(watch, WatchJson.CONFIG);
      WatchRecord read =
          parser.parse(watch.key().toString().getBytes(StandardCharsets.UTF_8), value);
      assertThat(read).as(text).isEqualTo(new WatchRecord.Upsert(watch));
      assertThat(WatchJson.originOf(value)).isEqualTo("config");
    }
  }

  @Test
  void shouldRefuseAnOriginItDoesNotKnow() {
    WatchRecord read =
        parser.parse(
            "psn:1".getBytes(StandardCharsets.UTF_8),
            "{\"source\":\"psn\",\"accountId\":\"1\",\"origin\":\"elsewhere\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(read).isInstanceOf(WatchRecord.Rejected.class);
    assertThat(((WatchRecord.Rejected) read).message()).contains("origin");
    assertThat(WatchJson.originOf("{not json".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(WatchJson.originOf(null)).isNull();
  }
}
