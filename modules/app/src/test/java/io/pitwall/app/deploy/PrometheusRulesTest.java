package io.pitwall.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus passes promtool: the alert rules are valid, their unit tests (alerts.test.yml)
 * prove each alert fires when it should and not before, and the scrape config loads them. promtool
 * comes from Debian's {@code prometheus} package, which {@code .ci/run} installs; on CI its absence
 * fails this test, elsewhere it is skipped with a message.
 */
class PrometheusRulesTest {

  private static final Path DIR = Path.of("..", "..", "deploy", "prometheus");

  @BeforeAll
  static void promtoolPresent() {
    boolean present = promtool() != null;
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError("promtool is missing on CI: .ci/run installs Debian's prometheus");
    }
    assumeTrue(present, "promtool not installed (apt-get install prometheus); skipped outside CI");
  }

  @Test
  void shouldPassPromtoolCheckRules() throws Exception {
    assertThat(run("check", "rules", "alerts.yml")).contains("SUCCESS: 7 rules found");
  }

  @Test
  void shouldFireEachAlertAsItsUnitTestsExpect() throws Exception {
    assertThat(run("test", "rules", "alerts.test.yml")).contains("SUCCESS");
  }

  @Test
  void shouldLoadTheScrapeConfigWithItsRules() throws Exception {
    assertThat(run("check", "config", "prometheus.yml")).contains("SUCCESS: 1 rule files found");
  }

  private static String run(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(promtool()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }

  private static String promtool() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
