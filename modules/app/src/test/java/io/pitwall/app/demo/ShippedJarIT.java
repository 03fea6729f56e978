package io.pitwall.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build's guard on the shipped {@code pitwall.jar}: Failsafe runs it after the shade plugin
 * built the jar (integration-test phase, after package), so {@code mvn verify} fails the day a
 * dependency brings JUnit or Kafka's test kit into the jar again. The fix is the dependency's
 * scope: whatever needs the test kit (modules/testkit) is test scope in modules/app; the demo's
 * broker and registry come from modules/runtime ({@code mvn dependency:tree -pl modules/app} shows
 * which dependency brought them).
 */
class ShippedJarIT {

  private static final Path JAR =
      Path.of(System.getProperty("pitwall.shipped.jar", "target/pitwall.jar"));

  @Test
  void shouldShipTheDemosBrokerButNoJunitAndNoKafkaTestKit() {
    assertThat(JAR).as("the shaded jar (built in the package phase)").isRegularFile();
    List<String> entries = ShippedJar.entries(JAR);
    assertThat(entries)
        .as("the jar is the shaded one: the engine and the demo's broker are in it")
        .contains(
            "io/pitwall/app/Pitwall.class",
            "io/pitwall/runtime/KraftBroker.class",
            "kafka/server/KafkaRaftServer.class");

    List<String> forbidden = ShippedJar.forbiddenEntries(JAR);
    assertThat(forbidden)
        .as(
            "%s carries %d test-only entries (%s...): make the dependency that brings them"
                + " test scope in modules/app/pom.xml",
            JAR, forbidden.size(), forbidden.stream().limit(5).toList())
        .isEmpty();
  }
}
