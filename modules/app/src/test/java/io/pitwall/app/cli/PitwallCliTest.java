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

  @Test
  void shouldValidateAConfigurationFileWithoutRunningAnything() throws Exception {
    Path good = dir.resolve("good.properties");
    Files.writeString(
        good,
        "kafka.bootstrap.servers=k:9092\nschema.registry.url=http://r:8081\npsn.npsso=top-secret\nwatch.1=psn:me\n",
        StandardCharsets.UTF_8);
    Path bad = dir.resolve("bad2.properties");
    Files.writeString(bad, "metrics.port=-5\nwatch.1=gridstats:a\n", StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int valid;
    int invalid;
    try {
      valid = new CommandLine(new Pitwall()).execute("config", "validate", good.toString());
      invalid = new CommandLine(new Pitwall()).execute("config", "validate", bad.toString());
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }

    assertThat(valid).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Configuration is valid")
        .contains("psn.npsso = ****")
        .doesNotContain("top-secret");
    assertThat(invalid).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Invalid value -5 for configuration metrics.port")
        .contains("Invalid value gridstats:a for configuration watch.1")
        .contains("Missing value for configuration kafka.bootstrap.servers");
  }
}
