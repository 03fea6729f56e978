package io.pitwall.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishTimingsTest {

  @Test
  void aTransactionAddsItsPhases() {
    PublishTimings one = PublishTimings.NONE.plus(3, 6, 5_000_000, 200_000, 300_000, 0, 8_000_000);
    PublishTimings two = one.plus(1, 2, 1_000_000, 200_000, 100_000, 0, 4_000_000);

    assertThat(two.transactions()).isEqualTo(2);
    assertThat(two.batches()).isEqualTo(4);
    assertThat(two.records()).isEqualTo(8);
    assertThat(two.perTransaction())
        .isEqualTo("linger=3.00 encode=0.20 send=0.20 offsets=0.00 commit=6.00 ms per transaction");
    assertThat(two.since(one))
        .isEqualTo(new PublishTimings(1, 1, 2, 1_000_000, 200_000, 100_000, 0, 4_000_000));
  }

  @Test
  void noTransactionIsZeroPerTransaction() {
    assertThat(PublishTimings.NONE.perTransaction())
        .isEqualTo("linger=0.00 encode=0.00 send=0.00 offsets=0.00 commit=0.00 ms per transaction");
  }

  @Test
  void theSettingsLingerByDefaultAndRefuseNonsense() {
    PublisherSettings settings = PublisherSettings.of(Map.of(), "id", "state");
    assertThat(settings.linger()).isEqualTo(PublisherSettings.DEFAULT_LINGER);
    assertThat(settings.lingerBatches()).isEqualTo(PublisherSettings.UNBOUNDED);
    assertThat(settings.withLinger(Duration.ZERO, 4).lingerBatches()).isEqualTo(4);

    assertThatThrownBy(() -> settings.withLinger(Duration.ofMillis(-1), 4))
        .hasMessageContaining("linger");
    assertThatThrownBy(() -> settings.withLinger(Duration.ofSeconds(2), 4))
        .hasMessageContaining("0 to 1 s");
    assertThatThrownBy(() -> settings.withLinger(Duration.ZERO, 0))
        .hasMessageContaining("lingerBatches");
  }

  @Test
  void theProducerBatchesAPartitionOnceAndRetriesSoonUnlessTold() {
    Map<String, Object> config =
        TransactionalProducer.config(PublisherSettings.of(Map.of(), "id", "state"));
    assertThat(config)
        .containsEntry("batch.size", TransactionalProducer.BATCH_SIZE)
        .containsEntry("retry.backoff.ms", 10);

    Map<String, Object> given =
        TransactionalProducer.config(
            PublisherSettings.of(
                Map.of("batch.size", 16_384, "retry.backoff.ms", 100), "id", "state"));
    assertThat(given).containsEntry("batch.size", 16_384).containsEntry("retry.backoff.ms", 100);
  }
}
