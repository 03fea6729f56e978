package io.pitwall.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A zombie: an instance is paused (SIGSTOP) while it holds an open transaction, for longer than the
 * group's session timeout but shorter than the transaction timeout, so that its partitions move to
 * the other instance; resumed (SIGCONT), it tries to commit. The group metadata its transaction
 * carries is of the old generation, so the commit is refused and aborted, the zombie stops polling
 * until the group has rebalanced, and no event is lost or published twice.
 */
class ZombieIT {

  private static final Logger LOG = LoggerFactory.getLogger(ZombieIT.class);
  private static final Map<String, String> FLEET = Map.of("group.session.timeout", "PT10S");

  @Test
  void shouldRefuseTheCommitOfAnInstanceWhosePartitionsMovedWhileItWasPaused() throws Exception {
    Path work = Files.createDirectories(Paths.get("target", "zombie-it-" + System.nanoTime()));
    ChaosOptions options = new ChaosOptions(5, 0, false, 10, 5, 5, Duration.ofSeconds(2), work, 2);
    String jar = System.getProperty("pitwall.jar");
    Path engineJar = jar != null ? Path.of(jar) : ChaosRun.locateJar();
    try (ChaosEnvironment env = ChaosEnvironment.start(options, engineJar, work);
        EventTail tail =
            new EventTail(env.broker.bootstrapServers(), ChaosEnvironment.eventTopics())) {
      EngineSupervisor zombie = env.engines.get(0);
      EngineSupervisor other = env.engines.get(1);
      zombie.start(FLEET);
      other.start(FLEET);
      ChaosRun.awaitBaselines(env, options.watches());
      await().atMost(Duration.ofSeconds(120)).until(() -> !InstanceHealth.polled(zombie).isEmpty());
      int psnMark = env.world.psn.groundTruth().size();
      int gtMark = env.world.gt.groundTruth().size();
      env.startActivity(5);

      // the same instance id again, now holding every transaction open for 8 s before its commit
      zombie.kill();
      Map<String, String> holding = new HashMap<>(FLEET);
      holding.put("fault.pause.before.commit", "PT8S");
      zombie.start(holding);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> zombie.output().contains("Fault injection: pausing"));
      zombie.pause();
      LOG.info("Zombie paused inside an open transaction");
      // longer than the session timeout (10 s), shorter than the transaction timeout (30 s)
      Thread.sleep(18_000);
      assertThat(InstanceHealth.partitions(other))
          .as("the other instance was given the zombie's partitions")
          .isEqualTo(12);
      zombie.resume();
      LOG.info("Zombie resumed");

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> zombie.output().contains("refused by the consumer group's fencing"));
      String refusal =
          zombie
              .output()
              .lines()
              .filter(l -> l.contains("consumer group's fencing"))
              .findFirst()
              .orElseThrow();
      LOG.info("The zombie's commit: {}", refusal);
      assertThat(refusal)
          .containsAnyOf(
              "CommitFailedException",
              "IllegalGenerationException",
              "UnknownMemberIdException",
              "FencedInstanceIdException");
      assertThat(zombie.output()).contains("Polling stops until the consumer group rebalanced");

      // back to normal commits, then the events are checked against the truth
      zombie.kill();
      zombie.start(FLEET);
      await().atMost(Duration.ofSeconds(120)).until(() -> !InstanceHealth.polled(zombie).isEmpty());
      Thread.sleep(10_000);
      env.stopActivity();
      Verdict verdict = ChaosRun.settleAndCheck(env, tail, psnMark, gtMark, "zombie");
      assertThat(verdict.changes()).isPositive();
      assertThat(verdict.lost()).as("lost").isZero();
      assertThat(verdict.duplicated()).as("duplicated").isZero();
      assertThat(verdict.falseEvents()).as("false").isZero();
    }
  }
}
