package io.pitwall.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The versions and artifact paths of the runtime's infrastructure, pinned in one place: the build
 * writes the registry's into {@code runtime.properties} from the parent pom's properties; Kafka's
 * is the version of the Kafka jars on the class path.
 */
public final class RuntimeVersions {

  private static final Properties PROPERTIES = load();

  /** Kafka version of the embedded broker (the Kafka jars this process runs). */
  public static final String KAFKA = AppInfoParser.getVersion();

  /** Apicurio Registry version of the schema registry child process. */
  public static final String APICURIO = PROPERTIES.getProperty("apicurio.version");

  private RuntimeVersions() {}

  /** Path of the Apicurio distribution zip in the local Maven repository, as the build saw it. */
  static String apicurioZip() {
    return PROPERTIES.getProperty("apicurio.zip");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = RuntimeVersions.class.getResourceAsStream("runtime.properties")) {
      if (in == null) {
        throw new IllegalStateException("runtime.properties is missing from the runtime jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
