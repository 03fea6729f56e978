package io.pitwall.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own, from the operating system's PostgreSQL (Debian's {@code
 * postgresql} package): {@code initdb} into a fresh folder, the server on a free loopback port with
 * password authentication, one database; {@link #close()} stops it and removes the folder. As root
 * the server programs run as the {@code postgres} user, since {@code initdb} refuses root.
 */
final class PostgresCluster implements AutoCloseable {

  /** The superuser's password (a test cluster's, never a real one). */
  static final String PASSWORD = "interop-test-password";

  private static final String USER = "postgres";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final String database;

  private PostgresCluster(Path bin, Path dir, int port, String database) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.database = database;
  }

  /** Creates and starts a cluster with the database {@code database}. */
  static PostgresCluster start(String database) throws Exception {
    Path initdb = ExternalTool.require("initdb", "postgresql", ExternalTool.postgresBinDirs());
    Path bin = initdb.toRealPath().getParent();
    Path dir = Files.createTempDirectory("pitwall-pg-");
    Path pwfile = dir.resolve("pwfile");
    Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
    if (isRoot()) {
      run(List.of("chown", "-R", USER + ":" + USER, dir.toString()));
    }
    int port = freePort();
    PostgresCluster cluster = new PostgresCluster(bin, dir, port, database);
    cluster.asOwner(
        bin.resolve("initdb").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-U",
        USER,
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        "--pwfile=" + pwfile,
        "-E",
        "UTF8");
    cluster.asOwner(
        bin.resolve("pg_ctl").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-l",
        dir.resolve("postgres.log").toString(),
        "-o",
        "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + dir,
        "-w",
        "start");
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    return cluster;
  }

  /** The JDBC URL of the database. */
  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The superuser's name. */
  String user() {
    return USER;
  }

  /** A new connection to the database. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
  }

  /** Runs a SQL script (statements separated by semicolons; {@code --} comments). */
  void execute(String script) throws SQLException {
    StringBuilder sql = new StringBuilder();
    for (String line : script.split("\n")) {
      int comment = line.indexOf("--");
      sql.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String statement : sql.toString().split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
  }

  private void asOwner(String... command) throws Exception {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      String runuser =
          ExternalTool.find("runuser", Path.of("/usr/sbin"), Path.of("/sbin"))
              .map(Path::toString)
              .orElse("runuser");
      full.addAll(List.of(runuser, "-u", USER, "--"));
    }
    full.addAll(List.of(command));
    run(full);
  }

  private static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    try {
      asOwner(
          bin.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "fast",
          "-w",
          "stop");
    } catch (Exception e) {
      System.err.println("PostgreSQL did not stop: " + e.getMessage());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
