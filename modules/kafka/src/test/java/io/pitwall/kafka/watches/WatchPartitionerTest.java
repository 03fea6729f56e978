package io.pitwall.kafka.watches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** A watch's partition is the one Kafka's default partitioner gives its key. */
class WatchPartitionerTest {

  @Test
  void shouldAgreeWithKafkasDefaultPartitionerForEveryKeyAndCount() {
    for (int partitions : new int[] {1, 3, 12, 50}) {
      for (int i = 0; i < 2_000; i++) {
        String key = (i % 3 == 0 ? "psn:" : i % 3 == 1 ? "gt:" : "gridstats:driver") + i;
        assertThat(WatchPartitioner.partition(key, partitions))
            .as(key + " over " + partitions)
            .isEqualTo(
                BuiltInPartitioner.partitionForKey(
                    key.getBytes(StandardCharsets.UTF_8), partitions));
      }
    }
  }

  @Test
  void shouldSpreadKeysOverEveryPartition() {
    boolean[] seen = new boolean[12];
    for (int i = 0; i < 500; i++) {
      seen[WatchPartitioner.partition("psn:" + (1000 + i), 12)] = true;
    }
    for (boolean s : seen) {
      assertThat(s).isTrue();
    }
  }

  @Test
  void shouldPutAWatchsStatusAndItsDeadLetterMarkWithTheWatch() {
    String watch = "gridstats:skino2024";
    assertThat(WatchPartitioner.ofStateKey(watch, 12))
        .isEqualTo(WatchPartitioner.partition(watch, 12));
    assertThat(WatchPartitioner.ofStateKey("status/" + watch, 12))
        .isEqualTo(WatchPartitioner.partition(watch, 12));
    assertThat(WatchPartitioner.ofStateKey("dlq/pitwall.watches/7/42", 12)).isEqualTo(7);
    assertThat(WatchPartitioner.ofStateKey("dlq/pitwall.watches/x/42", 12))
        .isEqualTo(WatchPartitioner.partition("dlq/pitwall.watches/x/42", 12));
  }

  @Test
  void shouldRefuseATopicWithoutPartitions() {
    assertThatThrownBy(() -> WatchPartitioner.partition("psn:1", 0))
        .hasMessageContaining("at least one partition");
  }
}
