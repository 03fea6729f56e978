package io.pitwall.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A standalone Kafka Connect 4.3 worker as a child process: the jars the build laid out from Maven
 * Central ({@code modules/interop/connect-worker/target/connect}: {@code libs/} and {@code
 * plugins/}), the worker properties and logging configuration of {@code deploy/connect} with the
 * addresses of this machine, its JVM in UTC, and a REST client for its API.
 */
final class ConnectWorker implements AutoCloseable {

  /** The environment variable the connector's {@code connection.password} names. */
  static final String PASSWORD_VARIABLE = "PITWALL_SINK_DB_PASSWORD";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final String url;
  private final HttpClient http = HttpClient.newHttpClient();

  private ConnectWorker(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  /**
   * Starts a worker on {@code bootstrapServers}, its files in {@code workDir}, and waits until its
   * REST API answers.
   *
   * @param dbPassword the value of {@link #PASSWORD_VARIABLE} in the worker's environment
   */
  static ConnectWorker start(String bootstrapServers, Path workDir, String dbPassword)
      throws Exception {
    Path layout =
        Paths.get(System.getProperty("pitwall.connect.dir", "connect-worker/target/connect"));
    if (!Files.isDirectory(layout.resolve("libs"))
        || !Files.isDirectory(layout.resolve("plugins"))) {
      throw new IllegalStateException(
          "No Connect worker layout in "
              + layout.toAbsolutePath()
              + ": build modules/interop/connect-worker first (mvn -pl modules/interop -am verify)");
    }
    Files.createDirectories(workDir);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Properties worker = new Properties();
    try (Reader reader = Files.newBufferedReader(deploy("worker.properties"))) {
      worker.load(reader);
    }
    worker.setProperty("bootstrap.servers", bootstrapServers);
    worker.setProperty("listeners", "http://127.0.0.1:" + port);
    worker.setProperty("plugin.path", layout.resolve("plugins").toAbsolutePath().toString());
    worker.setProperty(
        "offset.storage.file.filename", workDir.resolve("connect.offsets").toString());
    worker.setProperty("offset.flush.interval.ms", "1000");
    Path properties = workDir.resolve("worker.properties");
    try (Writer writer = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
      worker.store(writer, "deploy/connect/worker.properties with this test's addresses");
    }
    Path log = workDir.resolve("connect.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.timezone=UTC",
                    "-Xmx512m",
                    "-XX:TieredStopAtLevel=1",
                    "-Dlog4j2.configurationFile=" + deploy("log4j2.properties").toAbsolutePath(),
                    "-cp",
                    layout.resolve("libs").toAbsolutePath() + "/*",
                    "org.apache.kafka.connect.cli.ConnectStandalone",
                    properties.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put(PASSWORD_VARIABLE, dbPassword);
    ConnectWorker connect = new ConnectWorker(builder.start(), log, "http://127.0.0.1:" + port);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .failFast(
            "the Connect worker died:\n" + connect.logTail(), () -> !connect.process.isAlive())
        .until(connect::answers);
    return connect;
  }

  /** A file of {@code deploy/connect}. */
  static Path deploy(String name) {
    return Paths.get(System.getProperty("pitwall.repo.dir", "../.."), "deploy", "connect", name);
  }

  /** Creates a connector. */
  void create(String name, Map<String, String> config) throws Exception {
    send("POST", "/connectors", Map.of("name", name, "config", config), 201);
  }

  /** The state of a connector's first task ({@code RUNNING}, {@code FAILED}, ...), or null. */
  String taskState(String name) throws Exception {
    JsonNode status = get("/connectors/" + name + "/status");
    JsonNode tasks = status == null ? null : status.get("tasks");
    return tasks == null || tasks.isEmpty() ? null : tasks.get(0).get("state").asText();
  }

  /** The connector's status document, for failure messages. */
  String status(String name) throws Exception {
    JsonNode status = get("/connectors/" + name + "/status");
    return status == null ? "(none)" : status.toString();
  }

  /** Stops a connector, deletes its offsets (KIP-875) and resumes it: it reads from the start. */
  void replayFromBeginning(String name) throws Exception {
    send("PUT", "/connectors/" + name + "/stop", null, 202, 204);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "STOPPED"
                    .equals(
                        get("/connectors/" + name + "/status")
                            .get("connector")
                            .get("state")
                            .asText()));
    send("DELETE", "/connectors/" + name + "/offsets", null, 200);
    send("PUT", "/connectors/" + name + "/resume", null, 202, 204);
  }

  /** The last part of the worker's log. */
  String logTail() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.substring(Math.max(0, text.length() - 6000));
    } catch (IOException e) {
      return "";
    }
  }

  /** The worker's whole log. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean answers() {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(url + "/")).GET().build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
  }

  private void send(String method, String path, Object body, int... expected) throws Exception {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    for (int status : expected) {
      if (response.statusCode() == status) {
        return;
      }
    }
    throw new IllegalStateException(
        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
  }

  /** Stops the worker (SIGTERM, then SIGKILL after 20 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
