package io.pitwall.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad options of the scale-out run are refused with a clear message before anything starts. */
class ScaleOutRunOptionsTest {

  private static String refused(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ScaleOutRun());
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute(args)).as("exit code of %s", String.join(" ", args)).isEqualTo(2);
    return err.toString();
  }

  @Test
  void shouldRefuseFleetSizesThatAreNotAscending() {
    assertThat(refused("--instances", "2,1")).contains("--instances must be ascending");
    assertThat(refused("--instances", "0,1")).contains("at least 1");
    assertThat(refused("--instances", "1,1")).contains("not [1, 1]");
  }

  @Test
  void shouldRefuseANegativeKillCountAndANonNumber() {
    assertThat(refused("--kills", "-1")).contains("--kills must be 0 or more");
    assertThat(refused("--instances", "1,x")).contains("--instances");
  }

  @Test
  void shouldGiveTheEnginesBudgetsFarAboveWhatTheyCanSpend() {
    ScaleOutRun run = new ScaleOutRun();
    assertThat(run.engineSettings())
        .containsEntry("group.session.timeout", "PT10S")
        .containsEntry("poll.concurrency", "16")
        .containsEntry("gridstats.budget.requests", "1000000")
        .containsEntry("gridstats.budget.period", "PT1H")
        .containsEntry("gt.budget.requests", "1000000");
  }
}
