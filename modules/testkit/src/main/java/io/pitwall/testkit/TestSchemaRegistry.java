package io.pitwall.testkit;

import io.pitwall.runtime.ApicurioRegistryProcess;
import io.pitwall.runtime.RuntimeVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one schema registry of this JVM: Apicurio Registry as a child process, started on first use
 * and stopped when the JVM exits.
 */
public final class TestSchemaRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(TestSchemaRegistry.class);
  private static ApicurioRegistryProcess registry;

  private TestSchemaRegistry() {}

  /** Base URL of the Confluent-compatible API, starting the registry if this is the first use. */
  public static synchronized String url() {
    if (registry == null) {
      long started = System.nanoTime();
      LOG.info(
          "Starting the test JVM's schema registry (Apicurio {} child process)",
          RuntimeVersions.APICURIO);
      registry = ApicurioRegistryProcess.start();
      ApicurioRegistryProcess started0 = registry;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(started0::close, "pitwall-testkit-registry-shutdown"));
      LOG.info(
          "Started Apicurio Registry (pid {}) at {} in {} ms",
          registry.pid(),
          registry.confluentApiUrl(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return registry.confluentApiUrl();
  }
}
