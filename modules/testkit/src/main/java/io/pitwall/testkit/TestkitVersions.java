package io.pitwall.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions and artifact paths of the real infrastructure, pinned in one place: the build writes
 * them into {@code testkit.properties} from the parent pom's properties.
 */
public final class TestkitVersions {

  private static final Properties PROPERTIES = load();

  /** Kafka version of the embedded broker and of the container image. */
  public static final String KAFKA = PROPERTIES.getProperty("kafka.version");

  /** Docker image used when a Docker engine is available. */
  public static final String KAFKA_IMAGE = "apache/kafka:" + KAFKA;

  /** Apicurio Registry version of the schema registry child process. */
  public static final String APICURIO = PROPERTIES.getProperty("apicurio.version");

  private TestkitVersions() {}

  /** Path of the Apicurio distribution zip in the local Maven repository, as the build saw it. */
  static String apicurioZip() {
    return PROPERTIES.getProperty("apicurio.zip");
  }

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
