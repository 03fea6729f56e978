package io.pitwall.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (combined broker and controller) as a separate OS process, started
 * from Kafka's own jars ({@code kafka.Kafka}) with a data directory that survives its restarts, as
 * a real broker's does. Fault tests stop it, kill it (SIGKILL), pause it (SIGSTOP/SIGCONT) and
 * start it again on the same ports and data.
 *
 * <p>The storage is formatted once ({@code kafka.tools.StorageTool format}), with any extra format
 * arguments (for example {@code --add-scram} credentials). Extra broker properties override the
 * defaults, so a test can give the client listener SASL or TLS.
 */
public final class KafkaBrokerProcess implements KafkaBroker {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcess.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final Map<String, String> properties;
  private final List<String> formatArguments;
  private final Map<String, Object> clientProperties;
  private final Path config;
  private final Path log;
  private Process process;

  private KafkaBrokerProcess(Builder builder) {
    this.dataDir = builder.dataDir;
    this.port = builder.port > 0 ? builder.port : freePort();
    this.controllerPort = freePort();
    this.properties = new LinkedHashMap<>(builder.properties);
    this.formatArguments = List.copyOf(builder.formatArguments);
    this.clientProperties = new HashMap<>(builder.clientProperties);
    this.config = dataDir.resolve("server.properties");
    this.log = dataDir.resolve("broker.log");
  }

  /** A builder for a broker whose data (log dirs, configuration, output) lives in {@code dir}. */
  public static Builder builder(Path dir) {
    return new Builder(dir);
  }

  /** Configures a {@link KafkaBrokerProcess}. */
  public static final class Builder {
    private final Path dataDir;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> formatArguments = new ArrayList<>();
    private final Map<String, Object> clientProperties = new HashMap<>();
    private int port;

    private Builder(Path dataDir) {
      this.dataDir = dataDir.toAbsolutePath();
    }

    /**
     * A broker property; overrides the defaults. {@code {port}} and {@code {controllerPort}} in the
     * value are replaced by the broker's ports (e.g. for a custom {@code listeners}).
     */
    public Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** Extra arguments of the storage format command, e.g. {@code --add-scram ...}. */
    public Builder formatArguments(String... arguments) {
      formatArguments.addAll(List.of(arguments));
      return this;
    }

    /** Client properties the readiness check needs (security settings of the client listener). */
    public Builder clientProperty(String key, Object value) {
      clientProperties.put(key, value);
      return this;
    }

    /** The client listener's port (default: a free one, kept across restarts). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Formats the storage (first time only), starts the broker and waits until it is ready. */
    public KafkaBrokerProcess start() {
      KafkaBrokerProcess broker = new KafkaBrokerProcess(this);
      broker.startProcess();
      return broker;
    }
  }

  @Override
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /**
   * Properties for a client of the broker's admin: its bootstrap servers and the listener's
   * security.
   */
  public Map<String, Object> clientProperties() {
    Map<String, Object> client = new HashMap<>(clientProperties);
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return client;
  }

  @Override
  public String description() {
    return "Kafka " + TestkitVersions.KAFKA + " broker process (data " + dataDir + ")";
  }

  /** The broker's output (its log). */
  public Path logFile() {
    return log;
  }

  /** The process id, or -1 when it is not running. */
  public long pid() {
    return process != null && process.isAlive() ? process.pid() : -1;
  }

  /** Whether the broker process is running (paused counts as running). */
  public boolean running() {
    return process != null && process.isAlive();
  }

  /** Stops the broker the way an operator does (SIGTERM, controlled shutdown), and waits. */
  public void stop() {
    if (running()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          LOG.warn("Broker did not stop within 60 s of SIGTERM; killing it");
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  /** Kills the broker (SIGKILL): no controlled shutdown, unflushed data as the OS left it. */
  public void kill() {
    if (running()) {
      try {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Pauses the broker (SIGSTOP): connections stay open but nothing answers. */
  public void pause() {
    signal("STOP");
  }

  /** Resumes a paused broker (SIGCONT). */
  public void resume() {
    signal("CONT");
  }

  /** Starts the broker again on the same ports and data, and waits until it is ready. */
  public void restart() {
    stop();
    startProcess();
  }

  /** Starts a stopped or killed broker again on the same ports and data. */
  public void startAgain() {
    if (running()) {
      throw new IllegalStateException("broker is running (pid " + process.pid() + ")");
    }
    startProcess();
  }

  /** Kills the broker and deletes its data directory. */
  @Override
  public void close() {
    kill();
    deleteRecursively(dataDir);
  }

  private synchronized void startProcess() {
    try {
      Files.createDirectories(dataDir);
      writeConfig();
      if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
        format();
      }
      long started = System.nanoTime();
      List<String> command = java("kafka.Kafka");
      command.add(config.toString());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      awaitReady();
      LOG.info(
          "Kafka broker process (pid {}) ready at {} in {} ms",
          process.pid(),
          bootstrapServers(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the Kafka broker process", e);
    }
  }

  private void writeConfig() throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("process.roles", "broker,controller");
    all.put("node.id", "1");
    all.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    all.put("listeners", "PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controllerPort}");
    all.put("advertised.listeners", "PLAINTEXT://127.0.0.1:{port}");
    all.put("controller.listener.names", "CONTROLLER");
    all.put("inter.broker.listener.name", "PLAINTEXT");
    all.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL,SSL:SSL");
    all.put("log.dirs", dataDir.resolve("logs").toString());
    all.put("num.partitions", "1");
    all.putAll(EmbeddedKraftBroker.SINGLE_NODE_SETTINGS);
    all.put("auto.create.topics.enable", "false");
    all.putAll(properties);
    Properties out = new Properties();
    all.forEach(
        (k, v) ->
            out.setProperty(
                k,
                v.replace("{port}", Integer.toString(port))
                    .replace("{controllerPort}", Integer.toString(controllerPort))));
    try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      out.store(writer, "Kafka broker process of the Pitwall test kit");
    }
  }

  private void format() throws IOException {
    List<String> command = java("kafka.tools.StorageTool");
    command.addAll(
        List.of(
            "format",
            // the = form: a base64 id may start with '-', which would read as an option
            "--cluster-id=" + uuidToBase64(UUID.randomUUID()),
            "-c",
            config.toString(),
            "--ignore-formatted"));
    command.addAll(formatArguments);
    Process format =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
        format.destroyForcibly();
        throw new IllegalStateException(
            "Formatting the broker's storage failed; see " + log + ":\n" + tail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while formatting the broker's storage", e);
    }
  }

  private List<String> java(String mainClass) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    return command;
  }

  private void awaitReady() {
    Map<String, Object> admin = new HashMap<>(clientProperties);
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (Admin client = Admin.create(admin)) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "Kafka broker process exited with code " + process.exitValue() + ":\n" + tail());
        }
        try {
          if (!client
              .describeCluster(new DescribeClusterOptions().timeoutMs(3000))
              .nodes()
              .get(4, TimeUnit.SECONDS)
              .isEmpty()) {
            return;
          }
        } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
          // keep trying until the deadline
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for the broker", e);
        }
        sleep(200);
      }
    }
    throw new IllegalStateException(
        "Kafka broker process not ready within " + READY_TIMEOUT + ":\n" + tail());
  }

  private void signal(String name) {
    if (!running()) {
      throw new IllegalStateException("broker is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  private static String uuidToBase64(UUID uuid) {
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // best effort
                }
              });
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
