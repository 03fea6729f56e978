package io.pitwall.chaos;

import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.testkit.TestTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The chaos harness: runs the real engine jar, a Kafka broker process, a durable registry and the
 * simulator with continuous activity, injects the faults of a {@link FaultPlan} drawn from the
 * seed, lets the engine catch up, reads every event topic {@code read_committed} from the
 * beginning, compares it with the simulator's ground truth ({@link ChaosChecker}) and prints the
 * {@code chaos:} line and one {@code chaos-fault:} line per fault kind. Exit code 0 when nothing
 * was lost, duplicated or false and every recovery took at most 90 s, else 1.
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = "Runs the engine under random faults and checks its events against the truth.")
public final class ChaosRun implements Callable<Integer> {

  static {
    // before the first logger: the test kit on the classpath brings its own logback-test.xml
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-chaos.xml");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(ChaosRun.class);
  private static final Pattern WATCH_KEY = Pattern.compile("\\b(psn|gt|gridstats):[A-Za-z0-9_-]+");
  private static final Duration BASELINE_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration STUCK = Duration.ofSeconds(90);
  private static final Duration QUIET = Duration.ofSeconds(15);

  @Option(names = "--seed", description = "Seed of the world, activity and faults (default 42).")
  long seed = 42;

  @Option(names = "--minutes", description = "How long faults are injected (default 25).")
  double minutes = 25;

  @Option(
      names = "--unsafe",
      description = "Engine commits events and states in separate transactions (must fail).")
  boolean unsafe;

  @Option(names = "--psn", description = "PSN watches (default 150).")
  int psn = 150;

  @Option(names = "--gridstats", description = "gtgridstats watches (default 35).")
  int gridstats = 35;

  @Option(names = "--gt", description = "GT Sport profile watches (default 20).")
  int gt = 20;

  @Option(names = "--poll-interval", description = "Engine poll.interval (default PT3S).")
  Duration pollInterval = Duration.ofSeconds(3);

  @Option(
      names = "--skip",
      split = ",",
      description =
          "Fault kinds to leave out of the plan (e.g. credential-expired); the rest of the plan is"
              + " unchanged.")
  List<String> skip = new ArrayList<>();

  @Option(
      names = "--instances",
      description =
          "Engine instances sharing the watches through the consumer group (default 1); kills and"
              + " pauses hit a random one.")
  int instances = 1;

  @Option(names = "--work", description = "Work directory (default target/chaos-<seed>-<time>).")
  Path work;

  @Option(names = "--jar", description = "The engine jar (default modules/app/target/pitwall.jar).")
  Path jar;

  /** The outcome of a run: the summary and whether it passed. */
  record Outcome(ChaosSummary summary, Verdict verdict) {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new ChaosRun()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Outcome outcome = run();
    return outcome.summary().passed() ? 0 : 1;
  }

  /** Runs the harness and prints its lines. */
  Outcome run() throws Exception {
    Path dir =
        work != null
            ? work
            : Paths.get("target", "chaos-" + seed + "-" + System.currentTimeMillis());
    Files.createDirectories(dir);
    ChaosOptions options =
        new ChaosOptions(
            seed,
            minutes,
            unsafe,
            psn,
            gridstats,
            gt,
            pollInterval,
            dir.toAbsolutePath(),
            instances);
    Path engineJar = jar != null ? jar : locateJar();
    List<PlannedFault> plan =
        FaultPlan.draw(seed, minutes).stream()
            .filter(f -> !skip.contains(f.kind().label()))
            .toList();
    LOG.info(
        "Chaos run: seed {}, {} min of faults ({} planned{}), {} watches, {} instance(s){}, work"
            + " dir {}",
        seed,
        minutes,
        plan.size(),
        skip.isEmpty() ? "" : ", skipping " + skip,
        options.watches(),
        instances,
        unsafe ? ", UNSAFE engine" : "",
        options.work());
    try (ChaosEnvironment env = ChaosEnvironment.start(options, engineJar, options.work());
        EventTail tail =
            new EventTail(env.broker.bootstrapServers(), ChaosEnvironment.eventTopics())) {
      env.startEngines();
      awaitBaselines(env, options.watches());
      int psnMark = env.world.psn.groundTruth().size();
      int gtMark = env.world.gt.groundTruth().size();
      env.startActivity(seed);
      Instant faultsBegin = Instant.now();
      List<FaultRecord> faults =
          new FaultRunner(env, seed).run(plan, Duration.ofMillis((long) (minutes * 60_000)));
      double faultMinutes = Duration.between(faultsBegin, Instant.now()).toSeconds() / 60.0;
      env.simulator.faults().clear();
      LOG.info(
          "Faults over; activity goes on for {} s, then the engine catches up", SETTLE.toSeconds());
      Thread.sleep(SETTLE.toMillis());
      env.stopActivity();
      List<Change> truth = truth(env, psnMark, gtMark);
      awaitCatchUp(env, tail, truth);
      Instant runEnd = Instant.now();
      List<Change> events = readAll(env);
      Verdict verdict = ChaosChecker.check(truth, events);
      Path findings = options.work().resolve("findings.txt");
      Files.write(findings, verdict.details());
      verdict.details().stream().limit(50).forEach(d -> LOG.warn("chaos finding: {}", d));
      if (!verdict.details().isEmpty()) {
        LOG.warn("{} findings, all of them in {}", verdict.details().size(), findings);
      }
      ChaosSummary summary =
          new ChaosSummary(
              faults, tail.arrivals(), runEnd, verdict, Math.round(faultMinutes * 10) / 10.0);
      for (FaultRecord fault : faults) {
        LOG.debug(
            "{} {} recovered in {} s",
            fault.kind().label(),
            fault.detail(),
            summary.recoverySeconds(fault));
      }
      System.out.println(summary.line());
      summary.faultLines().forEach(System.out::println);
      System.out.flush();
      return new Outcome(summary, verdict);
    }
  }

  static Path locateJar() {
    String property = System.getProperty("pitwall.jar");
    List<Path> candidates = new ArrayList<>();
    if (property != null) {
      candidates.add(Paths.get(property));
    }
    candidates.add(Paths.get("modules", "app", "target", "pitwall.jar"));
    candidates.add(Paths.get("..", "app", "target", "pitwall.jar"));
    return candidates.stream()
        .filter(Files::isRegularFile)
        .findFirst()
        .map(Path::toAbsolutePath)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "pitwall.jar not found at "
                        + candidates
                        + "; build it first (mvn -B -q package -DskipTests -pl modules/chaos -am)"));
  }

  static void awaitBaselines(ChaosEnvironment env, int watches) throws InterruptedException {
    long deadline = System.nanoTime() + BASELINE_TIMEOUT.toNanos();
    Set<String> seen = new HashSet<>();
    while (System.nanoTime() < deadline) {
      seen.clear();
      for (String line : env.outputs().split("\n")) {
        if (line.contains("baseline")) {
          Matcher m = WATCH_KEY.matcher(line);
          if (m.find()) {
            seen.add(m.group());
          }
        }
      }
      if (seen.size() >= watches) {
        LOG.info("Every watch ({}) took its baseline", seen.size());
        return;
      }
      for (EngineSupervisor engine : env.engines) {
        if (!engine.alive()) {
          throw new IllegalStateException(
              "An engine exited before the baselines; see " + engine.logFile());
        }
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(
        "Only "
            + seen.size()
            + " of "
            + watches
            + " watches took a baseline within "
            + BASELINE_TIMEOUT
            + "; see "
            + env.engine().logFile());
  }

  static List<Change> truth(ChaosEnvironment env, int psnMark, int gtMark) {
    List<Change> truth = new ArrayList<>();
    var psnFacts = env.world.psn.groundTruth();
    psnFacts.subList(psnMark, psnFacts.size()).forEach(f -> truth.add(Changes.of(f)));
    var gtFacts = env.world.gt.groundTruth();
    gtFacts.subList(gtMark, gtFacts.size()).forEach(f -> truth.add(Changes.of(f)));
    return truth;
  }

  /**
   * Waits until the events the tail saw account for the whole truth (nothing lost) and no event
   * came for a while, bounded.
   */
  static void awaitCatchUp(ChaosEnvironment env, EventTail tail, List<Change> truth)
      throws InterruptedException {
    AvroWireCodec codec = codec(env);
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    int fewestLost = Integer.MAX_VALUE;
    Instant progress = Instant.now();
    while (System.nanoTime() < deadline) {
      Thread.sleep(5_000);
      Instant last = tail.lastArrival();
      boolean quiet = last == null || Duration.between(last, Instant.now()).compareTo(QUIET) > 0;
      if (!quiet) {
        continue;
      }
      try {
        Verdict verdict = ChaosChecker.check(truth, decode(codec, tail.records()));
        if (verdict.lost() == 0) {
          LOG.info("Caught up: {} events for {} changes", tail.size(), truth.size());
          return;
        }
        if (verdict.lost() < fewestLost) {
          fewestLost = verdict.lost();
          progress = Instant.now();
        } else if (Duration.between(progress, Instant.now()).compareTo(STUCK) > 0) {
          LOG.warn(
              "No progress for {} s: {} changes still not published; checking now",
              STUCK.toSeconds(),
              verdict.lost());
          return;
        }
        LOG.info("Catching up: {} changes not published yet", verdict.lost());
      } catch (RuntimeException e) {
        LOG.info("Catching up: could not decode the events yet ({})", e.toString());
      }
    }
    LOG.warn("The engine did not catch up within {}", CATCH_UP_TIMEOUT);
  }

  /**
   * Waits until the engines caught up with the truth since the marks, then checks every committed
   * event against it, logging the first findings.
   */
  static Verdict settleAndCheck(
      ChaosEnvironment env, EventTail tail, int psnMark, int gtMark, String label)
      throws InterruptedException {
    List<Change> truth = truth(env, psnMark, gtMark);
    awaitCatchUp(env, tail, truth);
    Verdict verdict = ChaosChecker.check(truth, readAll(env));
    verdict.details().stream().limit(20).forEach(d -> LOG.warn("{} finding: {}", label, d));
    return verdict;
  }

  static List<Change> readAll(ChaosEnvironment env) {
    AvroWireCodec codec = codec(env);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    for (String topic : ChaosEnvironment.eventTopics()) {
      records.addAll(TestTopics.readCommitted(env.broker.bootstrapServers(), topic));
    }
    return decode(codec, records);
  }

  private static AvroWireCodec codec(ChaosEnvironment env) {
    return new AvroWireCodec(new ConfluentRestRegistryClient(env.registry().confluentApiUrl()));
  }

  private static List<Change> decode(
      AvroWireCodec codec, List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().map(r -> Changes.of(codec.decode(r.value()))).toList();
  }
}
