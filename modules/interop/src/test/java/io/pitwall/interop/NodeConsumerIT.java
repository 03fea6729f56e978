package io.pitwall.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.cli.EventLine;
import io.pitwall.app.cli.EventTail;
import io.pitwall.source.api.EventType;
import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestSchemaRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Node.js example consumer ({@code examples/node}: kafkajs and
 * {@code @kafkajs/confluent-schema-registry} from npm, the operating system's Node.js) against the
 * events the real engine published ({@link PublishedEvents}): it prints exactly the lines {@code
 * pitwall tail} prints for the same topics (its {@link EventTail} and {@link EventLine}), for every
 * event type, none of the aborted transaction's events, and reports the record that is no Avro.
 */
class NodeConsumerIT {

  @Test
  void shouldPrintEveryCommittedEventAsPitwallTailDoes() throws Exception {
    Path node = ExternalTool.require("node", "nodejs");
    Path npm = ExternalTool.require("npm", "npm");
    Path app = Files.createDirectories(Paths.get("target", "node-consumer"));
    Path example = Paths.get(System.getProperty("pitwall.repo.dir", "../.."), "examples", "node");
    for (String file : List.of("package.json", "package-lock.json", "consumer.js", "format.js")) {
      Files.copy(example.resolve(file), app.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    run(app, npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error");

    PublishedEvents events = PublishedEvents.get();
    int expectedCount = events.committed().size();
    List<String> tail = Collections.synchronizedList(new ArrayList<>());
    List<String> tailErrors = Collections.synchronizedList(new ArrayList<>());
    try (EventTail pitwallTail =
        new EventTail(
            TestKafka.bootstrapServers(),
            TestSchemaRegistry.url(),
            events.topics(),
            true,
            e -> tail.add(EventLine.format(e)),
            tailErrors::add)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> tail.size() >= expectedCount);
      await().atMost(Duration.ofSeconds(30)).until(() -> tailErrors.size() >= 1);
    }
    List<String> expected = List.copyOf(tail);
    for (EventType type : io.pitwall.app.config.SourcePlugins.installed().eventTypes()) {
      assertThat(expected)
          .as("pitwall tail printed a " + type.typeName())
          .anyMatch(line -> line.startsWith(type.typeName() + " "));
    }
    List<String> abortedLines = events.aborted().stream().map(EventLine::format).toList();
    assertThat(abortedLines).isNotEmpty();

    Path out = app.resolve("stdout.txt");
    Path err = app.resolve("stderr.txt");
    List<String> command = new ArrayList<>(List.of(node.toString(), "consumer.js"));
    command.addAll(
        List.of(
            "--bootstrap-servers",
            TestKafka.bootstrapServers(),
            "--schema-registry-url",
            TestSchemaRegistry.url(),
            "--from-beginning"));
    command.addAll(events.topics());
    Process consumer =
        new ProcessBuilder(command)
            .directory(app.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .failFast("the Node consumer exited: " + read(err), () -> !consumer.isAlive())
          .until(() -> lines(out).containsAll(expected) && read(err).contains("undecodable"));
    } finally {
      consumer.destroy();
      if (!consumer.waitFor(10, TimeUnit.SECONDS)) {
        consumer.destroyForcibly().waitFor();
      }
    }
    // each topic is one partition: having printed every committed event, the consumer has read
    // past the aborted ones, which read_committed hides
    assertThat(lines(out)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(lines(out)).doesNotContainAnyElementsOf(abortedLines);
    assertThat(read(err))
        .contains(events.topic(io.pitwall.source.psn.PsnPlugin.TROPHY_EARNED) + "@0:")
        .contains("undecodable: not in the schema registry wire format");
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file)
        ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isEmpty())
            .toList()
        : List.of();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void run(Path dir, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }
}
