package io.pitwall.chaos;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The scale-out benchmark: the real engine jar as 1, 2, 3 ... child processes sharing the chaos
 * world's watches through the consumer group, with budgets far above what the engines can spend and
 * a short {@code poll.interval}, so that the engines (and the machine) are the limit. For each
 * fleet size it waits until the fleet polls every watch, measures the polls per second (the sum of
 * every instance's {@code pitwall_polls_total} delta over a window) and the CPU use (each engine
 * process's CPU time from {@code /proc}, and the machine's busy time from {@code /proc/stat}); with
 * two or more instances it then SIGKILLs a random instance several times and measures the takeover:
 * from the kill until every watch the victim owned shows as polled (not {@code PENDING}) on a
 * survivor's {@code /health}; the victim is restarted and owns partitions again before the next
 * kill. Prints one {@code scale-out:} line ({@link ScaleOutReport}) and one {@code
 * scale-out-settings:} line; exit code 0, or 1 when a takeover or the fleet did not settle within
 * its bound.
 */
@Command(
    name = "scale-out",
    mixinStandardHelpOptions = true,
    description = "Measures polls per second and takeover times of engine fleets of several sizes.")
public final class ScaleOutRun implements Callable<Integer> {

  static {
    // before the first logger: the test kit on the classpath brings its own logback-test.xml
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-chaos.xml");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(ScaleOutRun.class);
  private static final Pattern WATCH_KEY = Pattern.compile("\\b(psn|gt|gridstats):[A-Za-z0-9_-]+");
  private static final Duration BASELINE_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration TAKEOVER_TIMEOUT = Duration.ofMinutes(3);
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  @Spec CommandSpec spec;

  @Option(
      names = "--instances",
      split = ",",
      description = "Fleet sizes to measure, ascending (default 1,2,3).")
  List<Integer> instances = new ArrayList<>(List.of(1, 2, 3));

  @Option(
      names = "--kills",
      description = "SIGKILLs of a random instance per fleet size of 2 or more (default 5).")
  int kills = 5;

  @Option(
      names = "--session-timeout",
      description = "The engines' group.session.timeout (default PT10S).")
  Duration sessionTimeout = Duration.ofSeconds(10);

  @Option(names = "--window", description = "Measuring window per fleet size (default PT60S).")
  Duration window = Duration.ofSeconds(60);

  @Option(
      names = "--warm-up",
      description = "Wait after the fleet settled, before the window (default PT20S).")
  Duration warmUp = Duration.ofSeconds(20);

  @Option(
      names = "--poll-interval",
      description =
          "The engines' poll.interval (default PT0.1S: a watch is polled again as soon as its"
              + " previous poll committed and the next tick came, so the engines bound the rate).")
  Duration pollInterval = Duration.ofMillis(100);

  @Option(names = "--concurrency", description = "The engines' poll.concurrency (default 16).")
  int concurrency = 16;

  @Option(names = "--seed", description = "Seed of the world, activity and victims (default 42).")
  long seed = 42;

  @Option(
      names = "--psn",
      description =
          "PSN watches (default 400: with fewer, each watch's own poll-and-commit round trip bounds"
              + " a fleet of 3 before the engines do).")
  int psn = 400;

  @Option(names = "--gridstats", description = "gtgridstats watches (default 35).")
  int gridstats = 35;

  @Option(names = "--gt", description = "GT Sport profile watches (default 20).")
  int gt = 20;

  @Option(names = "--work", description = "Work directory (default target/scale-out-<time>).")
  Path work;

  @Option(names = "--jar", description = "The engine jar (default modules/app/target/pitwall.jar).")
  Path jar;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ScaleOutRun()).execute(args));
  }

  /** The settings every instance gets on top of the chaos environment's. */
  Map<String, String> engineSettings() {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("group.session.timeout", sessionTimeout.toString());
    extra.put("poll.concurrency", Integer.toString(concurrency));
    // far above what the engines can spend (1,000,000 is the most a budget takes): the simulator
    // allows 1,000,000 PSN requests per 15 minutes (the environment's psn.budget) and 100,000,000
    // gtgridstats requests a day
    extra.put("gt.budget.requests", "1000000");
    extra.put("gt.budget.period", "PT1M");
    extra.put("gridstats.budget.requests", "1000000");
    extra.put("gridstats.budget.period", "PT1H");
    return extra;
  }

  @Override
  public Integer call() throws Exception {
    List<Integer> sizes = checkedSizes();
    Path dir = work != null ? work : Paths.get("target", "scale-out-" + System.currentTimeMillis());
    Files.createDirectories(dir);
    int largest = sizes.get(sizes.size() - 1);
    ChaosOptions options =
        new ChaosOptions(
            seed, 0, false, psn, gridstats, gt, pollInterval, dir.toAbsolutePath(), largest);
    Path engineJar = jar != null ? jar : ChaosRun.locateJar();
    Map<String, String> extra = engineSettings();
    LOG.info(
        "Scale-out run: fleets of {}, {} watches, {} kills per fleet of 2 or more, engine settings"
            + " {} (poll.interval {}), work dir {}",
        sizes,
        options.watches(),
        kills,
        extra,
        pollInterval,
        options.work());
    ScaleOutReport report = new ScaleOutReport();
    List<Double> harnessCores = new ArrayList<>();
    Random random = new Random(seed);
    try (ChaosEnvironment env = ChaosEnvironment.start(options, engineJar, options.work())) {
      int running = 0;
      for (int size : sizes) {
        while (running < size) {
          env.engines.get(running++).start(extra);
        }
        List<EngineSupervisor> fleet = env.engines.subList(0, size);
        if (size == sizes.get(0)) {
          awaitBaselines(fleet, options.watches());
          env.startActivity(seed);
        }
        awaitSettled(fleet, options.watches(), "the fleet of " + size + " to settle");
        LOG.info("Fleet of {} settled; warming up for {} s", size, warmUp.toSeconds());
        Thread.sleep(warmUp.toMillis());
        Measured measured = measure(fleet);
        report.add(measured.step());
        harnessCores.add(measured.harnessCores());
        if (size >= 2) {
          for (int k = 0; k < kills; k++) {
            Duration takeover = killAndTakeOver(fleet, random, options.watches(), extra);
            report.takeover(takeover);
          }
        }
      }
    } catch (BoundExceeded | IllegalStateException e) {
      LOG.error("Scale-out run failed: {}", e.getMessage());
      return 1;
    }
    System.out.println(report.line());
    System.out.println(settingsLine(options, extra, report, harnessCores));
    System.out.flush();
    return 0;
  }

  private List<Integer> checkedSizes() {
    if (instances.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--instances needs at least one fleet size");
    }
    for (int i = 0; i < instances.size(); i++) {
      int n = instances.get(i);
      if (n < 1 || (i > 0 && n <= instances.get(i - 1))) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--instances must be ascending sizes of at least 1, e.g. 1,2,3; not " + instances);
      }
    }
    if (kills < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--kills must be 0 or more, not " + kills);
    }
    return List.copyOf(instances);
  }

  private String settingsLine(
      ChaosOptions options,
      Map<String, String> extra,
      ScaleOutReport report,
      List<Double> harnessCores) {
    return String.format(
        Locale.ROOT,
        "scale-out-settings: watches=%d (psn=%d gridstats=%d gt=%d) poll.interval=%s"
            + " poll.concurrency=%d group.session.timeout=%s window-s=%d warm-up-s=%d kills=%d"
            + " takeovers-s=%s budgets psn=1000000/PT15M gt=%s/%s gridstats=%s/%s"
            + " cpu=engines/machine busy cores of %d (engines: /proc/<pid> CPU time; machine:"
            + " /proc/stat, other sessions included) harness-cores=%s load=%s",
        options.watches(),
        psn,
        gridstats,
        gt,
        pollInterval,
        concurrency,
        sessionTimeout,
        window.toSeconds(),
        warmUp.toSeconds(),
        report.takeovers().size(),
        report.takeovers().stream()
            .map(s -> String.format(Locale.ROOT, "%.1f", s))
            .collect(Collectors.joining(",")),
        extra.get("gt.budget.requests"),
        extra.get("gt.budget.period"),
        extra.get("gridstats.budget.requests"),
        extra.get("gridstats.budget.period"),
        CORES,
        harnessCores.stream()
            .map(c -> String.format(Locale.ROOT, "%.2f", c))
            .collect(Collectors.joining(",")),
        loadAverage());
  }

  /** A fleet size's figures and the harness JVM's own CPU use (the simulator runs in it). */
  private record Measured(ScaleOutReport.Step step, double harnessCores) {}

  private Measured measure(List<EngineSupervisor> fleet) throws InterruptedException {
    double[] polls0 = new double[fleet.size()];
    Duration[] cpu0 = new Duration[fleet.size()];
    MachineCpu machine0 = MachineCpu.now();
    Duration harness0 = cpuTime(ProcessHandle.current());
    long start = System.nanoTime();
    for (int i = 0; i < fleet.size(); i++) {
      polls0[i] = polls(fleet.get(i));
      cpu0[i] = cpuTime(fleet.get(i));
    }
    Thread.sleep(window.toMillis());
    double polls = 0;
    double engineSeconds = 0;
    List<String> perInstance = new ArrayList<>();
    for (int i = 0; i < fleet.size(); i++) {
      double delta = polls(fleet.get(i)) - polls0[i];
      polls += delta;
      engineSeconds += (cpuTime(fleet.get(i)).minus(cpu0[i])).toMillis() / 1000.0;
      perInstance.add(String.format(Locale.ROOT, "%.0f", delta));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    MachineCpu machine1 = MachineCpu.now();
    double harness = (cpuTime(ProcessHandle.current()).minus(harness0)).toMillis() / 1000.0;
    ScaleOutReport.Step step =
        new ScaleOutReport.Step(
            fleet.size(),
            polls / seconds,
            engineSeconds / seconds,
            machine1.busyCoresSince(machine0, CORES));
    LOG.info(
        "Fleet of {}: {} polls in {} s ({} per instance) = {} polls/s; engines {} cores, machine {}"
            + " of {} cores, harness {} cores",
        fleet.size(),
        String.format(Locale.ROOT, "%.0f", polls),
        String.format(Locale.ROOT, "%.1f", seconds),
        perInstance,
        String.format(Locale.ROOT, "%.1f", step.pollsPerSecond()),
        String.format(Locale.ROOT, "%.2f", step.engineCores()),
        String.format(Locale.ROOT, "%.2f", step.machineCores()),
        CORES,
        String.format(Locale.ROOT, "%.2f", harness / seconds));
    return new Measured(step, harness / seconds);
  }

  private Duration killAndTakeOver(
      List<EngineSupervisor> fleet, Random random, int watches, Map<String, String> extra)
      throws InterruptedException {
    EngineSupervisor victim = fleet.get(random.nextInt(fleet.size()));
    Set<String> orphaned = InstanceHealth.owned(victim);
    if (orphaned.isEmpty()) {
      throw new IllegalStateException(
          "The victim owns no watches although the fleet settled; see " + victim.logFile());
    }
    List<EngineSupervisor> survivors = fleet.stream().filter(e -> e != victim).toList();
    Instant killed = Instant.now();
    victim.kill();
    boolean taken =
        waitFor(
            () -> {
              Set<String> polled = new HashSet<>();
              survivors.forEach(e -> polled.addAll(InstanceHealth.polled(e)));
              return polled.containsAll(orphaned);
            },
            TAKEOVER_TIMEOUT,
            Duration.ofMillis(250));
    Duration takeover = Duration.between(killed, Instant.now());
    if (!taken) {
      throw new BoundExceeded(
          "The survivors did not poll the "
              + orphaned.size()
              + " watches of the killed instance within "
              + TAKEOVER_TIMEOUT
              + "; see the logs under "
              + victim.logFile().getParent());
    }
    LOG.info(
        "Killed {} ({} watches): the survivors polled them all again after {} s",
        victim.logFile().getParent().getFileName(),
        orphaned.size(),
        String.format(Locale.ROOT, "%.1f", takeover.toMillis() / 1000.0));
    victim.start(extra);
    if (!waitFor(
        () -> InstanceHealth.partitions(victim) > 0, SETTLE_TIMEOUT, Duration.ofSeconds(1))) {
      throw new BoundExceeded(
          "The restarted instance owned no partition within "
              + SETTLE_TIMEOUT
              + "; see "
              + victim.logFile());
    }
    awaitSettled(fleet, watches, "the fleet to settle after the restart");
    return takeover;
  }

  /** Waits until every watch took its baseline (its log line) and was polled. */
  private static void awaitBaselines(List<EngineSupervisor> fleet, int watches)
      throws InterruptedException {
    Set<String> seen = new HashSet<>();
    boolean done =
        waitFor(
            () -> {
              requireAlive(fleet);
              seen.clear();
              for (EngineSupervisor engine : fleet) {
                for (String line : engine.output().split("\n")) {
                  if (line.contains("baseline")) {
                    Matcher m = WATCH_KEY.matcher(line);
                    if (m.find()) {
                      seen.add(m.group());
                    }
                  }
                }
              }
              return seen.size() >= watches;
            },
            BASELINE_TIMEOUT,
            Duration.ofSeconds(1));
    if (!done) {
      throw new BoundExceeded(
          "Only "
              + seen.size()
              + " of "
              + watches
              + " watches took a baseline within "
              + BASELINE_TIMEOUT
              + "; see "
              + fleet.get(0).logFile());
    }
    LOG.info("Every watch ({}) took its baseline", seen.size());
  }

  /**
   * Waits until every instance owns partitions, all of them past their restore, the instances
   * together own every watch once, and every watch was polled.
   */
  private static void awaitSettled(List<EngineSupervisor> fleet, int watches, String what)
      throws InterruptedException {
    boolean settled =
        waitFor(
            () -> {
              requireAlive(fleet);
              int owned = 0;
              Set<String> polled = new HashSet<>();
              for (EngineSupervisor engine : fleet) {
                JsonObject partitions =
                    InstanceHealth.ownership(engine).getJsonObject("partitions");
                if (partitions == null || partitions.isEmpty()) {
                  return false;
                }
                for (String p : partitions.fieldNames()) {
                  JsonObject state = partitions.getJsonObject(p);
                  if (state == null || !"POLLING".equals(state.getString("state"))) {
                    return false;
                  }
                }
                owned += InstanceHealth.owned(engine).size();
                polled.addAll(InstanceHealth.polled(engine));
              }
              return owned == watches && polled.size() == watches;
            },
            SETTLE_TIMEOUT,
            Duration.ofSeconds(1));
    if (!settled) {
      throw new BoundExceeded("Timed out after " + SETTLE_TIMEOUT + " waiting for " + what);
    }
  }

  private static void requireAlive(List<EngineSupervisor> fleet) {
    for (EngineSupervisor engine : fleet) {
      if (!engine.alive()) {
        throw new IllegalStateException("An engine exited; see " + engine.logFile());
      }
    }
  }

  private static double polls(EngineSupervisor engine) {
    String metrics = InstanceHealth.metrics(engine);
    if (metrics == null) {
      throw new IllegalStateException(
          "The instance's /metrics did not answer; see " + engine.logFile());
    }
    return PrometheusText.sum(metrics, "pitwall_polls_total");
  }

  private static Duration cpuTime(EngineSupervisor engine) {
    return ProcessHandle.of(engine.pid())
        .map(ScaleOutRun::cpuTime)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The engine process " + engine.pid() + " is gone; see " + engine.logFile()));
  }

  private static Duration cpuTime(ProcessHandle process) {
    return process
        .info()
        .totalCpuDuration()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The CPU time of process " + process.pid() + " cannot be read"));
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }

  /** Checks {@code condition} every {@code every} until it holds or {@code timeout} passed. */
  private static boolean waitFor(BooleanSupplier condition, Duration timeout, Duration every)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(every.toMillis());
    }
  }

  /** A wait of the run exceeded its bound: the run stops with exit code 1. */
  private static final class BoundExceeded extends RuntimeException {
    BoundExceeded(String message) {
      super(message);
    }
  }
}
