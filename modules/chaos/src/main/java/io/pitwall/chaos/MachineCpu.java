package io.pitwall.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time so far, from the aggregate {@code cpu} line of {@code /proc/stat}: busy
 * (user, nice, system, irq, softirq, steal) and total jiffies. The busy cores over a window are the
 * busy delta over the total delta times the number of cores.
 *
 * @param busy busy jiffies of every core together
 * @param total all jiffies of every core together (idle and iowait included)
 */
public record MachineCpu(long busy, long total) {

  private static final Path STAT = Path.of("/proc/stat");

  /**
   * Parses the aggregate line, e.g. {@code cpu 4705 356 584 3699 23 23 0 0 0 0}.
   *
   * @throws IllegalArgumentException when the line is not the aggregate cpu line
   */
  public static MachineCpu parse(String line) {
    String[] f = line.trim().split("\\s+");
    if (f.length < 5 || !f[0].equals("cpu")) {
      throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + line);
    }
    long total = 0;
    long idle = 0;
    // user nice system idle iowait irq softirq steal [guest guest_nice: already in user and nice]
    for (int i = 1; i < Math.min(f.length, 9); i++) {
      long v;
      try {
        v = Long.parseLong(f[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("a field of the cpu line is no number: " + line, e);
      }
      total += v;
      if (i == 4 || i == 5) {
        idle += v;
      }
    }
    return new MachineCpu(total - idle, total);
  }

  /** Reads {@code /proc/stat} now. */
  public static MachineCpu now() {
    try {
      return parse(Files.readAllLines(STAT).get(0));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + STAT, e);
    }
  }

  /** Busy cores from {@code earlier} to this reading, out of {@code cores}. */
  public double busyCoresSince(MachineCpu earlier, int cores) {
    long total = this.total - earlier.total;
    return total <= 0 ? 0 : (double) (busy - earlier.busy) / total * cores;
  }
}
