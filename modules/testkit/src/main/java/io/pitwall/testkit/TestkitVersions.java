package io.pitwall.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions of the test-only infrastructure, pinned in one place: the build writes them into
 * {@code testkit.properties} from the parent pom's properties. The registry's version and
 * distribution are the runtime's ({@link io.pitwall.runtime.RuntimeVersions}).
 */
public final class TestkitVersions {

  private static final Properties PROPERTIES = load();

  /** Kafka version of the embedded broker and of the container image. */
  public static final String KAFKA = PROPERTIES.getProperty("kafka.version");

  /** Docker image used when a Docker engine is available. */
  public static final String KAFKA_IMAGE = "apache/kafka:" + KAFKA;

  private TestkitVersions() {}

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = TestkitVersions.class.getResourceAsStream("testkit.properties")) {
      if (in == null) {
        throw new IllegalStateException("testkit.properties is missing from the test kit jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
