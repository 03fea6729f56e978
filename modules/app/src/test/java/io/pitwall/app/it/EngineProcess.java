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
final class EngineProcess implements AutoCloseable {

  private final Process process;
  private final Path output;

  private EngineProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  static EngineProcess start(Map<String, String> settings, Path workDir, String name) {
    try {
      Path config = workDir.resolve(name + ".properties");
      Properties properties = new Properties();
      properties.putAll(settings);
      try (var writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
        properties.store(writer, "crash test " + name);
      }
      Path output = workDir.resolve(name + ".log");
      Path jar = Paths.get("target", "pitwall.jar").toAbsolutePath();
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
  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits for the process to exit and returns its exit code, or -1 when it still runs. */
  int waitForExit(java.time.Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        ? process.exitValue()
        : -1;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: the process gets no chance to commit, abort or close anything. */
  void kill() throws InterruptedException {
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
