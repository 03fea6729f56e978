package io.pitwall.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (combined broker and controller) in this JVM, from Kafka's own server
 * jars, for {@code pitwall demo}: no Kafka test kit and no JUnit. {@link #start()} writes a {@code
 * server.properties} into a fresh temporary directory, formats the storage there with Kafka's
 * storage tool ({@code kafka-storage format}, the operator's command, run in-process), starts
 * {@link KafkaRaftServer} on free loopback ports and waits until a client sees the broker; {@link
 * #close()} shuts it down and removes the directory.
 *
 * <p>Why in this JVM rather than a child {@code kafka.Kafka} process: the broker cannot outlive the
 * demo (no orphaned broker holding a port and a directory after the demo is killed), it does not
 * need the JVM's class path to be a list of files, and it costs no second JVM start-up on a small
 * machine. The settings are those every single-node cluster needs ({@link #SINGLE_NODE_SETTINGS}),
 * the same the test kit's brokers use.
 */
public final class KraftBroker implements AutoCloseable {

  /**
   * Broker settings a single-node cluster needs: every internal topic has replication factor 1, or
   * consumer groups and transactions would wait forever for replicas that never come.
   */
  public static final Map<String, String> SINGLE_NODE_SETTINGS =
      Map.of(
          "offsets.topic.replication.factor", "1",
          "offsets.topic.num.partitions", "5",
          "transaction.state.log.replication.factor", "1",
          "transaction.state.log.min.isr", "1",
          "transaction.state.log.num.partitions", "5",
          "share.coordinator.state.topic.replication.factor", "1",
          "share.coordinator.state.topic.min.isr", "1",
          "group.initial.rebalance.delay.ms", "0",
          "auto.create.topics.enable", "true",
          "log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));

  private static final Logger LOG = LoggerFactory.getLogger(KraftBroker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final int START_ATTEMPTS = 3;

  private final KafkaRaftServer server;
  private final Path directory;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private KraftBroker(KafkaRaftServer server, Path directory, int port) {
    this.server = server;
    this.directory = directory;
    this.port = port;
  }

  /**
   * Formats and starts a fresh single-node cluster in a new temporary directory and waits until its
   * broker answers.
   *
   * @throws IllegalStateException naming what failed (formatting, start-up, readiness)
   */
  public static KraftBroker start() {
    Path directory;
    try {
      directory = Files.createTempDirectory("pitwall-kraft-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the broker's directory", e);
    }
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return startIn(directory);
        } catch (PortTakenException e) {
          // the free ports were taken between choosing and binding them: choose again
          if (attempt == START_ATTEMPTS) {
            throw new IllegalStateException(
                "Could not start the embedded KRaft broker: " + e.getMessage(), e);
          }
          LOG.debug(
              "Port taken while starting the broker ({}); trying other ports", e.getMessage());
          deleteContents(directory);
        }
      }
    } catch (RuntimeException e) {
      deleteRecursively(directory);
      throw e;
    }
  }

  private static KraftBroker startIn(Path directory) {
    int[] ports = freePorts(2);
    int port = ports[0];
    int controllerPort = ports[1];
    Path config = directory.resolve("server.properties");
    Properties properties = properties(directory, port, controllerPort);
    writeConfig(properties, config);
    format(config);
    KafkaRaftServer server =
        new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      stopQuietly(server);
      if (causedBy(e, BindException.class)) {
        throw new PortTakenException(port, controllerPort, e);
      }
      throw new IllegalStateException("Could not start the embedded KRaft broker", e);
    }
    KraftBroker broker = new KraftBroker(server, directory, port);
    try {
      broker.awaitReady();
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  /** The {@code bootstrap.servers} value that reaches this broker. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** The directory holding the broker's configuration and data; removed by {@link #close()}. */
  public Path directory() {
    return directory;
  }

  /** A short description for logs, e.g. "embedded KRaft broker (Kafka 4.3.1)". */
  public String description() {
    return "embedded KRaft broker (Kafka " + RuntimeVersions.KAFKA + ")";
  }

  /** Shuts the broker down (controlled shutdown) and removes its directory; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      stopQuietly(server);
    } finally {
      deleteRecursively(directory);
    }
  }

  /** The broker's configuration: one node, both roles, loopback listeners on the given ports. */
  static Properties properties(Path directory, int port, int controllerPort) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("process.roles", "broker,controller");
    all.put("node.id", "1");
    all.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    all.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    all.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    all.put("controller.listener.names", "CONTROLLER");
    all.put("inter.broker.listener.name", "PLAINTEXT");
    all.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    all.put("log.dirs", directory.resolve("logs").toString());
    all.put("num.partitions", "1");
    all.putAll(SINGLE_NODE_SETTINGS);
    Properties properties = new Properties();
    properties.putAll(all);
    return properties;
  }

  private static void writeConfig(Properties properties, Path config) {
    try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      properties.store(writer, "Pitwall's embedded single-node KRaft broker");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + config, e);
    }
  }

  /** {@code kafka-storage format --cluster-id=<random> -c server.properties}, in this JVM. */
  private static void format(Path config) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode =
          StorageTool.execute(
              new String[] {
                // the = form: a base64 id may start with '-', which would read as an option
                "format", "--cluster-id=" + Uuid.randomUuid(), "-c", config.toString()
              },
              out);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Formatting the embedded broker's storage failed: " + e.getMessage(), e);
    }
    if (exitCode != 0) {
      throw new IllegalStateException(
          "Formatting the embedded broker's storage failed (exit code "
              + exitCode
              + "): "
              + output.toString(StandardCharsets.UTF_8).strip());
    }
  }

  private void awaitReady() {
    Map<String, Object> client =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) READY_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(client)) {
      boolean ready =
          !admin
              .describeCluster(
                  new DescribeClusterOptions().timeoutMs((int) READY_TIMEOUT.toMillis()))
              .nodes()
              .get(READY_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS)
              .isEmpty();
      if (!ready) {
        throw new IllegalStateException(
            "The embedded KRaft broker at " + bootstrapServers() + " reports no node");
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "The embedded KRaft broker at "
              + bootstrapServers()
              + " did not answer within "
              + READY_TIMEOUT,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the embedded broker", e);
    }
  }

  private static void stopQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Could not stop the embedded KRaft broker cleanly: {}", e.toString());
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Distinct free loopback ports, all held open at once so that none is chosen twice. */
  private static int[] freePorts(int count) {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0);
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free port for the broker", e);
    } finally {
      for (ServerSocket socket : sockets) {
        if (socket != null) {
          try {
            socket.close();
          } catch (IOException ignored) {
            // the port is free either way
          }
        }
      }
    }
  }

  private static void deleteContents(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      children.forEach(KraftBroker::deleteRecursively);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not clear " + directory, e);
    }
  }

  private static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      paths.sorted(Comparator.reverseOrder()).forEach(KraftBroker::deleteQuietly);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", path, e.toString());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", path, e.toString());
    }
  }

  /** The chosen ports were taken before the broker bound them. */
  private static final class PortTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortTakenException(int port, int controllerPort, Throwable cause) {
      super("port " + port + " or " + controllerPort + " is in use", cause);
    }
  }
}
