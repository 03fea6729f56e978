package io.pitwall.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PitwallMetricsTest {

  @Test
  void shouldKeepCountingFunctionCountersAfterTheirMethodReferencesCouldBeCollected() {
    AtomicLong resets = new AtomicLong();
    AtomicLong idChanges = new AtomicLong();
    AtomicLong retries = new AtomicLong();
    try (PitwallMetrics metrics = new PitwallMetrics()) {
      metrics.producerResets(resets::get);
      metrics.registrySchemaIdChanges(idChanges::get);
      metrics.deadLetterRetries(retries::get);
      for (int i = 0; i < 5; i++) {
        System.gc();
      }
      resets.set(2);
      idChanges.set(3);
      retries.set(4);

      assertThat(metrics.scrape())
          .contains("pitwall_producer_resets_total 2.0")
          .contains("pitwall_registry_schema_id_changes_total 3.0")
          .contains("pitwall_dlq_send_retries_total 4.0");
    }
  }
}
