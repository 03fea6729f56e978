package io.pitwall.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.Pitwall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PitwallCliTest {

  @TempDir Path dir;

  @Test
  void shouldExitWithCode2AndListEveryProblemForAnInvalidConfiguration() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "metrics.port=abc\n", StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = new CommandLine(new Pitwall()).execute("run", "--config", file.toString());
    } finally {
      System.setErr(original);
    }

    assertThat(code).isEqualTo(RunCommand.CONFIG_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Invalid value abc for configuration metrics.port: not a whole number")
        .contains("Missing value for configuration kafka.bootstrap.servers");
  }

  @Test
  void shouldRefuseAMissingSubcommandAndUnknownOptions() {
    CommandLine cli = new CommandLine(new Pitwall());
    cli.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    assertThat(cli.execute()).isEqualTo(2);
    assertThat(cli.execute("demo", "--accounts", "lots")).isEqualTo(2);
    assertThat(cli.execute("tail")).isEqualTo(2);
  }
}
