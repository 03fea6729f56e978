package io.pitwall.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * A short chaos run with a fixed seed (about 3 minutes of faults on 205 watches: engine kills, a
 * broker outage inside an open transaction, a registry restart, upstream faults): nothing lost,
 * duplicated or false, and every recovery within 90 s.
 */
class ChaosIT {

  /** The seed: its plan holds every major fault kind (see FaultPlanTest). */
  static final long SEED = 20;

  static final double MINUTES = 3;

  @Test
  void shouldNeitherLoseNorDuplicateNorInventEventsUnderFaults() throws Exception {
    ChaosRun run = new ChaosRun();
    run.seed = SEED;
    run.minutes = MINUTES;
    run.work = Paths.get("target", "chaos-it-" + System.currentTimeMillis());
    String jar = System.getProperty("pitwall.jar");
    if (jar != null) {
      run.jar = Path.of(jar);
    }
    ChaosRun.Outcome outcome = run.run();
    String line = outcome.summary().line();

    assertThat(line).contains(" lost=0 duplicated=0 false=0 ");
    assertThat(outcome.verdict().changes()).isGreaterThan(100);
    assertThat(count(line, "kills")).isGreaterThanOrEqualTo(2);
    assertThat(count(line, "broker-outages")).isEqualTo(1);
    assertThat(count(line, "registry-restarts")).isEqualTo(1);
    assertThat(count(line, "upstream-faults")).isGreaterThanOrEqualTo(2);
    assertThat(outcome.summary().maxRecoverySeconds()).isLessThanOrEqualTo(90.0);
    assertThat(outcome.summary().passed()).isTrue();
  }

  private static int count(String line, String field) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(" " + field + "=(\\d+)").matcher(line);
    assertThat(m.find()).as(field + " in " + line).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
