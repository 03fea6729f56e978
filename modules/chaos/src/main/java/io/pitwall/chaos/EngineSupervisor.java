package io.pitwall.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The engine as a supervisor runs it: {@code java -jar pitwall.jar run --config FILE} as a child OS
 * process, killed with SIGKILL (no shutdown hook, no graceful close), paused with SIGSTOP and
 * resumed with SIGCONT, and started again on the same configuration. Each start writes its own
 * configuration and log file into the work directory.
 */
final class EngineSupervisor implements AutoCloseable {

  private final Path jar;
  private final Path workDir;
  private final Map<String, String> settings;
  private Process process;
  private Path log;
  private int starts;
  private boolean paused;

  EngineSupervisor(Path jar, Path workDir, Map<String, String> settings) {
    this.jar = jar;
    this.workDir = workDir;
    this.settings = new TreeMap<>(settings);
  }

  /** Starts the engine with the base settings plus {@code extra} (e.g. a fault setting). */
  synchronized void start(Map<String, String> extra) {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the engine runs already (pid " + process.pid() + ")");
    }
    starts++;
    try {
      Path config = workDir.resolve("engine-" + starts + ".properties");
      Properties properties = new Properties();
      properties.putAll(settings);
      properties.putAll(extra);
      try (var writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
        properties.store(writer, "chaos engine start " + starts);
      }
      log = workDir.resolve("engine-" + starts + ".log");
      process =
          new ProcessBuilder(
                  List.of(
                      Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                      "-Xmx320m",
                      "-XX:TieredStopAtLevel=1",
                      "-jar",
                      jar.toString(),
                      "run",
                      "--config",
                      config.toString()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the engine", e);
    }
  }

  /** SIGKILL, and waits until the process is gone. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    if (paused) {
      signal("CONT");
      paused = false;
    }
    try {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * SIGTERM, the way an orchestrator stops a pod, and waits up to {@code timeout} for the exit.
   *
   * @return the exit code, or -1 when the process did not exit in time (it is then killed)
   */
  synchronized int terminate(java.time.Duration timeout) {
    if (process == null || !process.isAlive()) {
      return process == null ? -1 : process.exitValue();
    }
    process.destroy();
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
    return -1;
  }

  /** SIGSTOP: the process keeps its sockets but does nothing. */
  synchronized void pause() {
    signal("STOP");
    paused = true;
  }

  /** SIGCONT. */
  synchronized void resume() {
    signal("CONT");
    paused = false;
  }

  /** Whether the current process runs. */
  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /** The current process's pid, or -1 before the first start. */
  synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  /** How many times the engine was started. */
  synchronized int starts() {
    return starts;
  }

  /** The output of the current process so far. */
  synchronized String output() {
    try {
      return log == null ? "" : Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The current process's log file. */
  synchronized Path logFile() {
    return log;
  }

  private void signal(String name) {
    if (process == null || !process.isAlive()) {
      return;
    }
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    kill();
    paused = false;
  }
}
