package io.pitwall.bench.perf;

import io.pitwall.app.config.PitwallSettings;
import io.pitwall.kafka.publish.PublisherSettings;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.runtime.ApicurioRegistryProcess;
import io.pitwall.runtime.KraftBroker;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The performance benchmarks (issue 14) in one command: {@code perf [all|jmh|scheduler|differ|
 * memory|restore|publish]...}. Each figure is printed with the machine's load next to it.
 */
public final class Perf {

  static final int WATCHES = 100_000;
  static final int TITLES = 100;
  static final int PUBLISH_POLLS = 4_000;

  /**
   * The most batches the publisher's group commit puts in one transaction ({@code
   * TransactionalPublisher.GROUP_LIMIT}, package-private there): the second {@code publish:} line
   * runs this many polls in flight, a {@code poll.concurrency} the engine accepts.
   */
  static final int PUBLISH_GROUP_LIMIT = 64;

  private Perf() {}

  /** Runs the named parts (all when none is named). */
  public static void run(List<String> parts) throws Exception {
    Set<String> run = Set.copyOf(parts.isEmpty() ? List.of("all") : parts);
    boolean all = run.contains("all");
    for (String part : run) {
      if (!Set.of("all", "jmh", "scheduler", "differ", "memory", "restore", "publish")
          .contains(part)) {
        throw new IllegalArgumentException(
            "unknown perf part "
                + part
                + " (all, jmh, scheduler, differ, memory, restore or publish)");
      }
    }
    System.out.println("Performance benchmarks; machine: " + Load.now());
    if (all || run.contains("jmh") || run.contains("differ")) {
      JmhFigures.differ();
    }
    if (all || run.contains("jmh") || run.contains("scheduler")) {
      JmhFigures.scheduler();
    }
    boolean restore = all || run.contains("restore");
    boolean publish = all || run.contains("publish");
    KafkaStateStore filled = null;
    if (all || run.contains("memory") || restore) {
      filled = MemoryFigure.run(WATCHES, TITLES);
    }
    if (!restore && !publish) {
      return;
    }
    try (KraftBroker broker = KraftBroker.start();
        ApicurioRegistryProcess registry = ApicurioRegistryProcess.start()) {
      if (restore) {
        RestoreFigure.run(broker.bootstrapServers(), registry.confluentApiUrl(), filled, WATCHES);
      }
      filled = null;
      if (publish) {
        for (int inFlight : publishInFlight()) {
          for (Duration linger : publishLingers()) {
            PublishFigure.run(
                broker.bootstrapServers(),
                registry.confluentApiUrl(),
                PUBLISH_POLLS,
                inFlight,
                linger);
          }
        }
      }
    }
  }

  /**
   * The polls in flight of the {@code publish:} lines: the JVM option {@code
   * -Dperf.publish.in-flight=4,64} (default: the engine's default {@code poll.concurrency} and the
   * group limit).
   */
  static List<Integer> publishInFlight() {
    String given = System.getProperty("perf.publish.in-flight");
    if (given == null) {
      return List.of(pollConcurrency(), PUBLISH_GROUP_LIMIT);
    }
    return java.util.Arrays.stream(given.split(","))
        .map(String::strip)
        .map(Integer::valueOf)
        .toList();
  }

  /**
   * The publisher's lingers of the {@code publish:} lines: the JVM option {@code
   * -Dperf.publish.linger=PT0S,PT0.005S} (default: the publisher's default).
   */
  static List<Duration> publishLingers() {
    String given = System.getProperty("perf.publish.linger");
    if (given == null) {
      return List.of(PublisherSettings.DEFAULT_LINGER);
    }
    return java.util.Arrays.stream(given.split(","))
        .map(String::strip)
        .map(Duration::parse)
        .toList();
  }

  /** The engine's default {@code poll.concurrency}: how many polls it has in flight at once. */
  static int pollConcurrency() {
    return Integer.parseInt(PitwallSettings.POLL_CONCURRENCY.defaultValue());
  }
}
