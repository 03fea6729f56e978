package io.pitwall.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Apicurio Registry as a child process, serving the Confluent-compatible API at {@code
 * /apis/ccompat/v7}. Its storage is in memory ({@link #start()}) or, in durable mode ({@link
 * #startDurable(Path)}), an H2 database file, so that schemas and their ids survive a {@link
 * #restart()} as a production registry's do. The distribution zip comes from Maven Central through
 * the build and is extracted once into a cache directory.
 */
public final class ApicurioRegistryProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final int port;
  private final Path logFile;
  private final Path storageDir;

  private ApicurioRegistryProcess(Process process, int port, Path logFile, Path storageDir) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
    this.storageDir = storageDir;
  }

  /**
   * Extracts (if needed) and starts the registry on a free loopback port, and waits until it
   * reports ready.
   *
   * @throws IllegalStateException with the process log's tail when it does not become ready
   */
  public static ApicurioRegistryProcess start() {
    return start(freePort(), null);
  }

  /**
   * Starts a registry whose storage is an H2 database file in {@code storageDir} (created when
   * missing), on a free loopback port, and waits until it reports ready. A registry started again
   * on the same directory serves the same schemas under the same ids.
   */
  public static ApicurioRegistryProcess startDurable(Path storageDir) {
    try {
      Files.createDirectories(storageDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + storageDir, e);
    }
    return start(freePort(), storageDir.toAbsolutePath());
  }

  /**
   * Stops this registry the way an operator does (SIGTERM) and starts a new one on the same port
   * and the same storage: for a durable registry the schemas and ids survive; an in-memory one
   * comes back empty (see {@link #restartEmpty()}).
   */
  public ApicurioRegistryProcess restart() {
    close();
    return start(port, storageDir);
  }

  /** Whether the storage outlives the process ({@link #startDurable(Path)}). */
  public boolean durable() {
    return storageDir != null;
  }

  /**
   * Stops this registry and starts a new one on the same port: its storage is in memory, so the new
   * one is empty and issues schema ids from 1 again, as a registry restarted without durable
   * storage does.
   */
  public ApicurioRegistryProcess restartEmpty() {
    close();
    return start(port, null);
  }

  private static ApicurioRegistryProcess start(int port, Path storageDir) {
    Path home = extractedDistribution();
    Path runner = home.resolve("apicurio-registry-app-" + RuntimeVersions.APICURIO + "-runner.jar");
    try {
      Path logFile = Files.createTempFile("pitwall-apicurio-", ".log");
      List<String> command = new ArrayList<>();
      command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx384m");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-Dquarkus.http.host=127.0.0.1");
      command.add("-Dquarkus.http.port=" + port);
      command.add("-Dquarkus.log.level=WARN");
      command.add("-jar");
      command.add(runner.toString());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile());
      if (storageDir != null) {
        // the distribution's SQL storage reads its JDBC URL from this variable (default: H2 in
        // memory); a file database keeps every artifact and its global id across restarts
        builder.environment().put("REGISTRY_DATASOURCE_URL", datasourceUrl(storageDir));
      }
      Process process = builder.start();
      ApicurioRegistryProcess registry =
          new ApicurioRegistryProcess(process, port, logFile, storageDir);
      registry.awaitReady();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Apicurio Registry", e);
    }
  }

  /** Base URL of the Confluent-compatible REST API, e.g. http://127.0.0.1:4711/apis/ccompat/v7. */
  public String confluentApiUrl() {
    return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
  }

  /** Process id of the child, for logs. */
  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Apicurio Registry exited with code " + process.exitValue() + ":\n" + logTail());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling until the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("Interrupted while waiting for Apicurio Registry", e);
      }
      pause();
    }
    close();
    throw new IllegalStateException(
        "Apicurio Registry was not ready within " + READY_TIMEOUT + ":\n" + logTail());
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * The H2 file URL of a durable registry's storage directory. {@code WRITE_DELAY=0} writes each
   * commit to the file before the registry answers: with H2's default delay a registry that is
   * killed (or that does not stop within {@link #close()}'s grace period) loses every schema since
   * its last clean stop, and then issues their ids again to other schemas.
   */
  static String datasourceUrl(Path storageDir) {
    return "jdbc:h2:file:" + storageDir.resolve("registry").toAbsolutePath() + ";WRITE_DELAY=0";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The distribution directory, extracting the zip on first use (atomically, once per machine). */
  static Path extractedDistribution() {
    Path zip = Paths.get(zipLocation());
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(
          "Apicurio Registry distribution not found at "
              + zip
              + "; run the Maven build (it downloads io.apicurio:apicurio-registry-app:"
              + RuntimeVersions.APICURIO
              + ":zip:all) or set PITWALL_APICURIO_ZIP");
    }
    Path cache =
        Paths.get(
            System.getProperty("java.io.tmpdir"), "pitwall-apicurio-" + RuntimeVersions.APICURIO);
    if (Files.isRegularFile(cache.resolve(".complete"))) {
      return cache;
    }
    try {
      Path staging = Files.createTempDirectory(cache.getParent(), "pitwall-apicurio-staging-");
      unzip(zip, staging);
      Files.createFile(staging.resolve(".complete"));
      try {
        Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException alreadyThere) {
        if (!Files.isRegularFile(cache.resolve(".complete"))) {
          throw alreadyThere;
        }
      }
      return cache;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not extract " + zip, e);
    }
  }

  private static String zipLocation() {
    String override =
        System.getProperty("pitwall.apicurio.zip", System.getenv("PITWALL_APICURIO_ZIP"));
    return override != null && !override.isBlank() ? override : RuntimeVersions.apicurioZip();
  }

  private static void unzip(Path zip, Path target) throws IOException {
    try (InputStream file = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("Zip entry outside the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
