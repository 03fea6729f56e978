package io.pitwall.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three engine processes share 60 watches of the three sources through the consumer group while the
 * simulated accounts keep changing: every instance owns partitions and polls watches; one is killed
 * (SIGKILL) and the other two poll its watches again within the README's bound; it is started again
 * and takes some partitions back; the committed events then equal the ground truth, with nothing
 * lost, duplicated or invented.
 */
class FleetIT {

  private static final Logger LOG = LoggerFactory.getLogger(FleetIT.class);
  private static final Pattern PORT = Pattern.compile("metrics on port (\\d+)");
  private static final Map<String, String> FLEET = Map.of("group.session.timeout", "PT10S");

  /**
   * The README's takeover bound with this test's settings: the session timeout (10 s), or, when the
   * killed instance held an open transaction, the transaction timeout (30 s) plus the broker's
   * abort scan (10 s), then the restore and one poll.
   */
  private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(90);

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldShareTheWatchesAndTakeOverAKilledInstancesWatches() throws Exception {
    Path work = Files.createDirectories(Paths.get("target", "fleet-it-" + System.nanoTime()));
    ChaosOptions options =
        new ChaosOptions(11, 0, false, 30, 15, 15, Duration.ofSeconds(2), work, 3);
    String jar = System.getProperty("pitwall.jar");
    Path engineJar = jar != null ? Path.of(jar) : ChaosRun.locateJar();
    try (ChaosEnvironment env = ChaosEnvironment.start(options, engineJar, work);
        EventTail tail =
            new EventTail(env.broker.bootstrapServers(), ChaosEnvironment.eventTopics())) {
      env.engines.forEach(e -> e.start(FLEET));
      ChaosRun.awaitBaselines(env, options.watches());
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> env.engines.stream().allMatch(e -> ownedWatches(e).size() > 0));
      for (EngineSupervisor engine : env.engines) {
        Set<String> owned = ownedWatches(engine);
        LOG.info("{} owns {}", engine.logFile(), ownership(engine).getJsonObject("partitions"));
        assertThat(owned).as("every instance polls some of the watches").isNotEmpty();
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> env.engines.stream().mapToInt(e -> ownedWatches(e).size()).sum() == 60);
      // each instance has polled watches of its own (a status other than PENDING)
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> env.engines.stream().allMatch(e -> !polledWatches(e).isEmpty()));

      int psnMark = env.world.psn.groundTruth().size();
      int gtMark = env.world.gt.groundTruth().size();
      env.startActivity(11);
      Thread.sleep(15_000);

      EngineSupervisor victim = env.engines.get(1);
      Set<String> orphaned = ownedWatches(victim);
      assertThat(orphaned).isNotEmpty();
      victim.kill();
      Instant killed = Instant.now();
      List<EngineSupervisor> survivors = List.of(env.engines.get(0), env.engines.get(2));
      await()
          .atMost(TAKEOVER_BOUND)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                Set<String> polled = new HashSet<>();
                survivors.forEach(e -> polled.addAll(polledWatches(e)));
                return polled.containsAll(orphaned);
              });
      Duration takeover = Duration.between(killed, Instant.now());
      LOG.info(
          "The {} watches of the killed instance were polled again after {} s",
          orphaned.size(),
          takeover.toMillis() / 1000.0);
      assertThat(takeover).isLessThanOrEqualTo(TAKEOVER_BOUND);

      victim.start(FLEET);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> !polledWatches(victim).isEmpty());
      Thread.sleep(15_000);
      env.stopActivity();

      List<Change> truth = ChaosRun.truth(env, psnMark, gtMark);
      ChaosRun.awaitCatchUp(env, tail, truth);
      Verdict verdict = ChaosChecker.check(truth, ChaosRun.readAll(env));
      verdict.details().stream().limit(20).forEach(d -> LOG.warn("fleet finding: {}", d));
      assertThat(truth).hasSizeGreaterThan(20);
      assertThat(verdict.lost()).as("lost").isZero();
      assertThat(verdict.duplicated()).as("duplicated").isZero();
      assertThat(verdict.falseEvents()).as("false").isZero();
    }
  }

  /** The watches an instance polls now (every source's watches in its /health). */
  private Set<String> ownedWatches(EngineSupervisor engine) {
    return watches(engine, false);
  }

  /** The watches an instance polls now and has polled at least once. */
  private Set<String> polledWatches(EngineSupervisor engine) {
    return watches(engine, true);
  }

  private Set<String> watches(EngineSupervisor engine, boolean polledOnly) {
    JsonObject health = health(engine);
    Set<String> keys = new HashSet<>();
    if (health == null) {
      return keys;
    }
    for (String source : List.of("psn", "gt", "gridstats")) {
      JsonObject section = health.getJsonObject(source);
      if (section == null || section.getJsonObject("watches") == null) {
        continue;
      }
      section
          .getJsonObject("watches")
          .forEach(
              e -> {
                if (!polledOnly || !"PENDING".equals(e.getValue())) {
                  keys.add(e.getKey());
                }
              });
    }
    return keys;
  }

  private JsonObject ownership(EngineSupervisor engine) {
    JsonObject health = health(engine);
    return health == null ? new JsonObject() : health.getJsonObject("ownership");
  }

  /** The instance's /health document, or null while it does not answer. */
  private JsonObject health(EngineSupervisor engine) {
    Matcher m = PORT.matcher(engine.output());
    if (!engine.alive() || !m.find()) {
      return null;
    }
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/health"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new JsonObject(response.body());
    } catch (Exception e) {
      return null;
    }
  }
}
