package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.Pitwall;
import io.pitwall.testkit.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code pitwall watch add|list|remove} against a real broker. */
class WatchCommandIT {

  @Test
  void shouldAddListAndRemoveWatchesAndRefuseBadOnes() {
    String prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    String[] target = {
      "--bootstrap-servers", TestKafka.bootstrapServers(), "--topic-prefix", prefix
    };

    assertThat(
            run(
                "watch", "add", "psn:123", "--label", "Main", target[0], target[1], target[2],
                target[3]))
        .isZero();
    assertThat(
            run(
                "watch",
                "add",
                "gridstats:skino2024",
                "--series",
                "1564,1565",
                target[0],
                target[1],
                target[2],
                target[3]))
        .isZero();
    assertThat(run("watch", "add", "psn:../x", target[0], target[1], target[2], target[3]))
        .isEqualTo(2);
    assertThat(
            run(
                "watch",
                "add",
                "psn:123",
                "--series",
                "1",
                target[0],
                target[1],
                target[2],
                target[3]))
        .isEqualTo(2);
    String listed = output("watch", "list", target[0], target[1], target[2], target[3]);
    assertThat(listed)
        .contains("psn:123 label=Main [no state yet]")
        .contains("gridstats:skino2024 series=1564,1565");

    assertThat(run("watch", "remove", "psn:123", target[0], target[1], target[2], target[3]))
        .isZero();
    assertThat(output("watch", "list", target[0], target[1], target[2], target[3]))
        .doesNotContain("psn:123")
        .contains("gridstats:skino2024");
  }

  private static int run(String... args) {
    CommandLine cli = new CommandLine(new Pitwall());
    cli.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    return cli.execute(args);
  }

  private static String output(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(new CommandLine(new Pitwall()).execute(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
