package io.pitwall.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private static final Map<String, String> FLEET = Map.of("group.session.timeout", "PT10S");

  /**
   * The README's takeover bound with this test's settings: the session timeout (10 s), or, when the
   * killed instance held an open transaction, the transaction timeout (30 s) plus the broker's
   * abort scan (10 s), then the restore and one poll.
   */
  private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(90);

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
          .until(() -> env.engines.stream().allMatch(e -> InstanceHealth.owned(e).size() > 0));
      for (EngineSupervisor engine : env.engines) {
        Set<String> owned = InstanceHealth.owned(engine);
        LOG.info(
            "{} owns {}",
            engine.logFile(),
            InstanceHealth.ownership(engine).getJsonObject("partitions"));
        assertThat(owned).as("every instance polls some of the watches").isNotEmpty();
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> env.engines.stream().mapToInt(e -> InstanceHealth.owned(e).size()).sum() == 60);
      // each instance has polled watches of its own (a status other than PENDING)
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> env.engines.stream().allMatch(e -> !InstanceHealth.polled(e).isEmpty()));

      int psnMark = env.world.psn.groundTruth().size();
      int gtMark = env.world.gt.groundTruth().size();
      env.startActivity(11);
      Thread.sleep(15_000);

      EngineSupervisor victim = env.engines.get(1);
      Set<String> orphaned = InstanceHealth.owned(victim);
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
                survivors.forEach(e -> polled.addAll(InstanceHealth.polled(e)));
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
          .until(() -> !InstanceHealth.polled(victim).isEmpty());
      Thread.sleep(15_000);

      // SIGTERM: the instance finishes its polls, commits, leaves the group and exits 0; its
      // watches move at once, without waiting for the session timeout
      EngineSupervisor leaving = env.engines.get(2);
      Set<String> handedOver = InstanceHealth.owned(leaving);
      Instant asked = Instant.now();
      assertThat(leaving.terminate(Duration.ofSeconds(60))).as("exit code after SIGTERM").isZero();
      assertThat(leaving.output()).contains("Stopped cleanly");
      List<EngineSupervisor> staying = List.of(env.engines.get(0), victim);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                Set<String> polled = new HashSet<>();
                staying.forEach(e -> polled.addAll(InstanceHealth.polled(e)));
                return polled.containsAll(handedOver);
              });
      LOG.info(
          "After SIGTERM the {} watches of the stopped instance were polled again after {} s",
          handedOver.size(),
          Duration.between(asked, Instant.now()).toMillis() / 1000.0);
      Thread.sleep(5_000);
      env.stopActivity();

      Verdict verdict = ChaosRun.settleAndCheck(env, tail, psnMark, gtMark, "fleet");
      assertThat(verdict.changes()).isGreaterThan(20);
      assertThat(verdict.lost()).as("lost").isZero();
      assertThat(verdict.duplicated()).as("duplicated").isZero();
      assertThat(verdict.falseEvents()).as("false").isZero();
    }
  }
}
