package io.pitwall.bench.perf;

import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.source.psn.PsnStateCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Retained heap per watch: synthetic PSN states of {@code titles} titles, encoded by the real
 * codec, put into a real {@link KafkaStateStore} (its in-memory form between polls), measured as
 * the heap after full collections with the store minus the heap before it.
 */
final class MemoryFigure {

  private MemoryFigure() {}

  /** The key of a synthetic watch's state, as the engine keys it. */
  static String key(int account) {
    return "psn:account-" + account;
  }

  /** Fills a store with the states and prints the {@code memory:} line; returns the store. */
  static KafkaStateStore run(int watches, int titles) {
    long before = retainedHeap();
    KafkaStateStore store = KafkaStateStore.empty();
    IntStream.range(0, watches)
        .parallel()
        .forEach(a -> store.put(key(a), PsnStateCodec.encode(SyntheticPsn.state(a, titles))));
    long after = retainedHeap();
    long encoded = 0;
    for (int a = 0; a < watches; a++) {
      encoded += store.get(key(a)).length;
    }
    System.out.printf(
        Locale.ROOT,
        "memory: watches=%d titles=%d bytes-per-watch=%d (encoded state %d bytes on average;"
            + " target <= 8192) %s%n",
        watches,
        titles,
        (after - before) / watches,
        encoded / watches,
        Load.now());
    return store;
  }

  /** Heap in use after full collections, once it stops shrinking. */
  static long retainedHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= previous - 64 * 1024) {
        return Math.min(used, previous);
      }
      previous = used;
    }
    return previous;
  }
}
