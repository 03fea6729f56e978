package io.pitwall.bench.perf;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The machine's load, printed next to every figure: the machine is shared. */
final class Load {

  private Load() {}

  /** The one-minute load average and the cores, e.g. {@code load=5.52/2cores}. */
  static String now() {
    return String.format(
        Locale.ROOT,
        "load=%.2f/%dcores",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }
}
