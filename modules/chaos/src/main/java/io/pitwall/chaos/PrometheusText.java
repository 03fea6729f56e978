package io.pitwall.chaos;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values out of a Prometheus text exposition ({@code /metrics}). Pure: no I/O. */
public final class PrometheusText {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)");

  private PrometheusText() {}

  /**
   * The sum of every sample of {@code metric} whatever its labels (e.g. {@code pitwall_polls_total}
   * over every source and outcome); 0 when there is none.
   *
   * @throws IllegalArgumentException when a sample of the metric has a value that is not a number
   */
  public static double sum(String text, String metric) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(metric)) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.find() || !m.group(1).equals(metric)) {
        continue;
      }
      try {
        sum += Double.parseDouble(m.group(3));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "the sample of " + metric + " has no number: " + line, e);
      }
    }
    return sum;
  }
}
