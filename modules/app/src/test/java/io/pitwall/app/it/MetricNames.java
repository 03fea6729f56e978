package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metric names that the README, the Grafana dashboard and the alert rules rely on. */
final class MetricNames {

  static final Path ROOT = Path.of("..", "..");
  private static final Pattern OURS =
      Pattern.compile("\\b((?:pitwall|kafka|jvm|process|system)_[a-z0-9_]+)\\b");

  private MetricNames() {}

  /** Names (with {@code *} wildcards) of the README's metrics table. */
  static List<String> readme() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Metrics and health"));
    section = section.substring(0, section.indexOf("\n## ", 5));
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\| `([a-z_*]+)`").matcher(section);
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names).hasSizeGreaterThan(8);
    return names;
  }

  /** Every metric name used in the expressions of the Grafana dashboard and the alert rules. */
  static Set<String> deploy() throws IOException {
    Set<String> names = new TreeSet<>();
    names.addAll(used(ROOT.resolve("deploy/grafana/dashboards/pitwall.json")));
    names.addAll(used(ROOT.resolve("deploy/prometheus/alerts.yml")));
    assertThat(names).contains("pitwall_watch_staleness_max_seconds", "pitwall_dlq_records_total");
    return names;
  }

  private static Set<String> used(Path file) throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line : Files.readAllLines(file)) {
      if (line.contains("expr")) {
        Matcher m = OURS.matcher(line);
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    assertThat(names).as("metric names in " + file).isNotEmpty();
    return names;
  }

  /** Whether a Prometheus scrape has a sample of that name ({@code *} matches a name part). */
  static boolean scraped(String scrape, String name) {
    String pattern = Pattern.quote(name).replace("*", "\\E[a-z_]+\\Q");
    return Pattern.compile("(?m)^" + pattern + "(_bucket|_count|_sum|_max)?[{ ]")
        .matcher(scrape)
        .find();
  }
}
