package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.pitwall.testkit.BasicAuthProxy;
import io.pitwall.testkit.KafkaBrokerProcess;
import io.pitwall.testkit.TestCertificates;
import io.pitwall.testkit.TestSchemaRegistry;
import io.pitwall.testkit.TestTopics;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine against a broker whose only client listener demands SASL (SCRAM-SHA-512), once in
 * plaintext and once over TLS, and a registry that answers 401 without basic-auth credentials;
 * wrong credentials end `pitwall run` within 60 s with exit code 1 and one line, bad settings with
 * exit code 2, and no secret is printed.
 */
class SecuredClusterIT {

  private static final String ADMIN_PASSWORD = "admin-secret-9f2";
  private static final String PITWALL_PASSWORD = "pitwall-secret-4c7";
  private static final String REGISTRY_PASSWORD = "registry-secret-1b8";
  private static final String RESTRICTED_PASSWORD = "restricted-secret-7d3";

  private static Path dir;
  private static TestCertificates certificates;
  private static KafkaBrokerProcess saslBroker;
  private static KafkaBrokerProcess saslSslBroker;
  private static BasicAuthProxy registry;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("pitwall-secured-");
    certificates = TestCertificates.generate(dir);
    // ACLs on the plaintext broker: the user "restricted" is denied topic creation, as on a
    // cluster whose topics an admin creates (pitwall is a super user here: ACLs for it are the
    // README's business, not this test's)
    saslBroker =
        secured("SASL_PLAINTEXT", dir.resolve("sasl"))
            .property(
                "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
            .property("allow.everyone.if.no.acl.found", "true")
            .property("super.users", "User:admin;User:ANONYMOUS;User:pitwall")
            .formatArguments(
                "--add-scram",
                "SCRAM-SHA-512=[name=restricted,password=" + RESTRICTED_PASSWORD + "]")
            .start();
    denyTopicCreation(saslBroker, "restricted");
    saslSslBroker =
        secured("SASL_SSL", dir.resolve("sasl-ssl"))
            .property("ssl.keystore.location", certificates.keystore().toString())
            .property("ssl.keystore.password", certificates.password())
            .property("ssl.key.password", certificates.password())
            .property("ssl.keystore.type", "PKCS12")
            .property("ssl.truststore.location", certificates.truststore().toString())
            .property("ssl.truststore.password", certificates.password())
            .property("ssl.truststore.type", "PKCS12")
            .clientProperty("ssl.truststore.location", certificates.truststore().toString())
            .clientProperty("ssl.truststore.password", certificates.password())
            .clientProperty("ssl.truststore.type", "PKCS12")
            .start();
    URI upstream = URI.create(TestSchemaRegistry.url());
    registry =
        BasicAuthProxy.start(
            upstream.getScheme() + "://" + upstream.getAuthority(), "pitwall", REGISTRY_PASSWORD);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {saslBroker, saslSslBroker, registry}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // best effort
      }
    }
  }

  private static KafkaBrokerProcess.Builder secured(String protocol, Path data) {
    String listener = protocol.toLowerCase(java.util.Locale.ROOT);
    return KafkaBrokerProcess.builder(data)
        .property(
            "listeners", protocol + "://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controllerPort}")
        .property("advertised.listeners", protocol + "://127.0.0.1:{port}")
        .property("inter.broker.listener.name", protocol)
        .property("sasl.enabled.mechanisms", "SCRAM-SHA-512")
        .property("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
        .property(
            "listener.name." + listener + ".scram-sha-512.sasl.jaas.config",
            jaas("admin", ADMIN_PASSWORD))
        .formatArguments(
            "--add-scram",
            "SCRAM-SHA-512=[name=admin,password=" + ADMIN_PASSWORD + "]",
            "--add-scram",
            "SCRAM-SHA-512=[name=pitwall,password=" + PITWALL_PASSWORD + "]")
        .clientProperty("security.protocol", protocol)
        .clientProperty("sasl.mechanism", "SCRAM-SHA-512")
        .clientProperty("sasl.jaas.config", jaas("admin", ADMIN_PASSWORD));
  }

  private static void denyTopicCreation(KafkaBrokerProcess broker, String user) throws Exception {
    var principal = "User:" + user;
    try (var admin = org.apache.kafka.clients.admin.Admin.create(broker.clientProperties())) {
      admin
          .createAcls(
              List.of(
                  new org.apache.kafka.common.acl.AclBinding(
                      new org.apache.kafka.common.resource.ResourcePattern(
                          org.apache.kafka.common.resource.ResourceType.CLUSTER,
                          "kafka-cluster",
                          org.apache.kafka.common.resource.PatternType.LITERAL),
                      deny(principal)),
                  new org.apache.kafka.common.acl.AclBinding(
                      new org.apache.kafka.common.resource.ResourcePattern(
                          org.apache.kafka.common.resource.ResourceType.TOPIC,
                          "*",
                          org.apache.kafka.common.resource.PatternType.LITERAL),
                      deny(principal))))
          .all()
          .get();
    }
  }

  private static org.apache.kafka.common.acl.AccessControlEntry deny(String principal) {
    return new org.apache.kafka.common.acl.AccessControlEntry(
        principal,
        "*",
        org.apache.kafka.common.acl.AclOperation.CREATE,
        org.apache.kafka.common.acl.AclPermissionType.DENY);
  }

  private static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  @Test
  void shouldPublishOverSaslPlaintextThroughAnAuthenticatedRegistry() throws Exception {
    shouldPublishEveryChange(saslBroker, "SASL_PLAINTEXT", Map.of(), "sasl.");
  }

  @Test
  void shouldPublishOverSaslSsl() throws Exception {
    shouldPublishEveryChange(
        saslSslBroker,
        "SASL_SSL",
        Map.of(
            "kafka.ssl.truststore.location", certificates.truststore().toString(),
            "kafka.ssl.truststore.password", certificates.password(),
            "kafka.ssl.truststore.type", "PKCS12"),
        "sasl-ssl.");
  }

  private void shouldPublishEveryChange(
      KafkaBrokerProcess broker, String protocol, Map<String, String> tls, String prefix)
      throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PsnWorld world = TrophyScenarios.world(start);
    try (Simulator simulator =
        Simulator.start(world, PsnSimulatorConfig.defaults(), new SimClock())) {
      Map<String, String> settings = TestSettings.scenario(simulator, prefix);
      settings.putAll(security(broker, protocol, PITWALL_PASSWORD));
      settings.putAll(tls);
      settings.put("schema.registry.url", registry.url() + "/apis/ccompat/v7");
      settings.put("schema.registry.basic.auth.user.info", "pitwall:" + REGISTRY_PASSWORD);
      int mark = world.groundTruth().size();
      Map<String, Object> reader = new HashMap<>(clientOf(settings));
      try (Engine engine = Engine.start(PitwallConfig.of(settings))) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> TestTopics.readCommitted(reader, prefix + "state").size() >= 1);
        TrophyScenarios.roundOne()
            .applyUntil(world, start.plusSeconds(60), start.plusSeconds(120), s -> {});
        List<String> truth = ScenarioChecks.truthSince(world, mark);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> events(reader, prefix + "psn.trophy-earned").size() >= truth.size());
        assertThat(events(reader, prefix + "psn.trophy-earned"))
            .extracting(ScenarioChecks::describe)
            .containsExactlyInAnyOrderElementsOf(truth);
        assertThat(engine.health().getString("registry")).isEqualTo("UP");
        assertThat(engine.metrics().scrape())
            .doesNotContain(PITWALL_PASSWORD)
            .doesNotContain(REGISTRY_PASSWORD);
      }
    }
  }

  @Test
  void shouldExitWithCodeOneAndOneLineWhenKafkaRefusesTheLogin() throws Exception {
    Map<String, String> settings = base("refused-login.");
    settings.putAll(security(saslBroker, "SASL_PLAINTEXT", "wrong-" + PITWALL_PASSWORD));

    String output = runToExit(settings, "refused-login", 1);

    assertThat(output)
        .contains("pitwall: Kafka refused Pitwall's login at kafka.bootstrap.servers=");
    assertNoSecret(output);
  }

  @Test
  void shouldExitWithCodeOneWhenTheRegistryRefusesTheCredentials() throws Exception {
    Map<String, String> settings = base("refused-registry.");
    settings.putAll(security(saslBroker, "SASL_PLAINTEXT", PITWALL_PASSWORD));
    settings.put("schema.registry.basic.auth.user.info", "pitwall:wrong-" + REGISTRY_PASSWORD);

    String output = runToExit(settings, "refused-registry", 1);

    assertThat(output)
        .contains("pitwall: The schema registry refused Pitwall's credentials at")
        .contains("HTTP 401");
    assertNoSecret(output);
  }

  @Test
  void shouldExitWithCodeOneAndNameTheFixWhenKafkaRefusesToCreateTheTopics() throws Exception {
    Map<String, String> settings = base("refused-create.");
    settings.putAll(security(saslBroker, "SASL_PLAINTEXT", PITWALL_PASSWORD));
    settings.put("kafka.sasl.jaas.config", jaas("restricted", RESTRICTED_PASSWORD));

    String output = runToExit(settings, "refused-create", 1);

    assertThat(output)
        .contains("pitwall: Kafka refused to create Pitwall's topics [refused-create.state")
        .contains("grant the principal CREATE on them")
        .contains("set topics.create=false");
    assertThat(output).doesNotContain(RESTRICTED_PASSWORD);
    assertNoSecret(output);
  }

  @Test
  void shouldLetTheOperatorCommandsReachTheSecuredClusterThroughTheEnginesConfigFile()
      throws Exception {
    Map<String, String> settings = base("cli.");
    settings.putAll(security(saslBroker, "SASL_PLAINTEXT", PITWALL_PASSWORD));
    java.util.Properties properties = new java.util.Properties();
    properties.putAll(settings);
    Path file = dir.resolve("cli.properties");
    try (var writer = Files.newBufferedWriter(file)) {
      properties.store(writer, "operator commands");
    }

    String missing =
        commandFailing(
            "watch", "add", "--config", file.toString(), "psn:4711", "--label", "Secured");
    try (var admin = org.apache.kafka.clients.admin.Admin.create(saslBroker.clientProperties())) {
      admin
          .createTopics(
              List.of(new org.apache.kafka.clients.admin.NewTopic("cli.watches", 1, (short) 1)))
          .all()
          .get();
    }
    String added =
        command("watch", "add", "--config", file.toString(), "psn:4711", "--label", "Secured");
    String listed = command("watch", "list", "--config", file.toString());

    assertThat(missing)
        .contains("did not take the watch within 15 s")
        .contains("does cli.watches exist?");
    assertThat(added).contains("Watch psn:4711 written to cli.watches");
    assertThat(listed)
        .contains("psn:4711 label=Secured [no state yet] status=PENDING (not polled yet)");
    assertNoSecret(missing + added + listed);
  }

  /** Runs a command that must fail with exit code 1 and returns what it printed on stderr. */
  private static String commandFailing(String... args) {
    return run(1, args);
  }

  /** Runs a command that must succeed and returns what it printed on stdout. */
  private static String command(String... args) {
    return run(0, args);
  }

  /** Runs a command, expects its exit code, and returns stdout (code 0) or stderr (else). */
  private static String run(int expected, String... args) {
    var captured = new java.io.ByteArrayOutputStream();
    var stream = new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8);
    var out = System.out;
    var err = System.err;
    if (expected == 0) {
      System.setOut(stream);
    } else {
      System.setErr(stream);
    }
    try {
      assertThat(new picocli.CommandLine(new io.pitwall.app.Pitwall()).execute(args))
          .as("exit code of %s", String.join(" ", args))
          .isEqualTo(expected);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void shouldExitWithCodeTwoForAPropertyPitwallOwnsOrKafkaDoesNotKnow() throws Exception {
    Map<String, String> settings = base("bad-config.");
    settings.putAll(security(saslBroker, "SASL_PLAINTEXT", PITWALL_PASSWORD));
    settings.put("kafka.acks", "1");
    settings.put("kafka.sasl.mechanismm", "PLAIN");

    String output = runToExit(settings, "bad-config", 2);

    assertThat(output)
        .contains(
            "Invalid value 1 for configuration kafka.acks: Pitwall's transactions require all")
        .contains(
            "Invalid value PLAIN for configuration kafka.sasl.mechanismm: not a Kafka producer,"
                + " consumer or admin client property");
    assertNoSecret(output);
  }

  private static Map<String, String> base(String prefix) {
    Map<String, String> settings = new HashMap<>();
    settings.put("topic.prefix", prefix);
    settings.put("metrics.port", "0");
    settings.put("startup.timeout", "PT20S");
    settings.put("schema.registry.url", registry.url() + "/apis/ccompat/v7");
    settings.put("schema.registry.basic.auth.user.info", "pitwall:" + REGISTRY_PASSWORD);
    return settings;
  }

  private static Map<String, String> security(
      KafkaBrokerProcess broker, String protocol, String password) {
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
    settings.put("kafka.security.protocol", protocol);
    settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
    settings.put("kafka.sasl.jaas.config", jaas("pitwall", password));
    return settings;
  }

  private static Map<String, Object> clientOf(Map<String, String> settings) {
    Map<String, Object> client = new HashMap<>();
    settings.forEach(
        (k, v) -> {
          if (k.startsWith("kafka.")) {
            client.put(k.substring("kafka.".length()), v);
          }
        });
    return client;
  }

  private static List<TrophyEarned> events(Map<String, Object> client, String topic) {
    AvroWireCodec codec =
        new AvroWireCodec(new ConfluentRestRegistryClient(TestSchemaRegistry.url()));
    return TestTopics.readCommitted(client, topic).stream()
        .map(r -> (TrophyEarned) codec.decode(r.value()))
        .toList();
  }

  private static String runToExit(Map<String, String> settings, String name, int expected)
      throws Exception {
    try (EngineProcess engine = EngineProcess.start(settings, dir, name)) {
      int code = engine.waitForExit(Duration.ofSeconds(60));
      assertThat(code).as("exit code; output:%n%s", engine.output()).isEqualTo(expected);
      return engine.output();
    }
  }

  private static void assertNoSecret(String output) {
    assertThat(output)
        .doesNotContain(PITWALL_PASSWORD)
        .doesNotContain(REGISTRY_PASSWORD)
        .doesNotContain(ADMIN_PASSWORD)
        .doesNotContain("\tat ");
  }
}
