package io.pitwall.app.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code java -jar pitwall.jar run --config FILE} as a child process, so that a test can kill it
 * the way an operating system does: no shutdown hook, no graceful close.
 */
public final class EngineProcess implements AutoCloseable {

  private final Process process;
  private final Path output;

  private EngineProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /**
   * Starts the engine jar ({@code target/pitwall.jar}, or the system property {@code pitwall.jar})
   * on the given settings, writing its configuration and its output into {@code workDir}.
   */
  public static EngineProcess start(Map<String, String> settings, Path workDir, String name) {
    try {
      Path config = workDir.resolve(name + ".properties");
      Properties properties = new Properties();
      properties.putAll(settings);
      try (var writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
        properties.store(writer, "crash test " + name);
      }
      Path output = workDir.resolve(name + ".log");
      Path jar =
          Paths.get(
                  System.getProperty("pitwall.jar", Paths.get("target", "pitwall.jar").toString()))
              .toAbsolutePath();
      Process process =
          new ProcessBuilder(
                  List.of(
                      Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                      "-Xmx256m",
                      "-jar",
                      jar.toString(),
                      "run",
                      "--config",
                      config.toString()))
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      return new EngineProcess(process, output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything the process printed so far. */
  public String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits for the process to exit and returns its exit code, or -1 when it still runs. */
  public int waitForExit(java.time.Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        ? process.exitValue()
        : -1;
  }

  /** Whether the process still runs. */
  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: the process gets no chance to commit, abort or close anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
