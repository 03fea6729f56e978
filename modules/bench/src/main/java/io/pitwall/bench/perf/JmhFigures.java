package io.pitwall.bench.perf;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks with one fork and short iterations (the machine is shared) and prints
 * their figures as {@code scheduler:} and {@code differ:} lines.
 */
final class JmhFigures {

  private JmhFigures() {}

  /**
   * Warm-up iterations of the scheduler benchmarks: the index's trees and sets are only compiled by
   * C2 after a few seconds on this shared machine, and the first iterations measured the JIT (3 to
   * 10 times the steady figure at 1,000 watches).
   */
  static final int SCHEDULER_WARMUPS = 5;

  /** Runs the benchmarks whose class names match {@code include}. */
  static Collection<RunResult> run(String include) throws Exception {
    return run(include, 2);
  }

  /** Runs the benchmarks whose class names match {@code include}, after that many warm-ups. */
  static Collection<RunResult> run(String include, int warmups) throws Exception {
    exposeClasspath();
    Options options =
        new OptionsBuilder()
            .include(include)
            .forks(1)
            .warmupIterations(warmups)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(1))
            .jvmArgsAppend("-Xmx2g")
            .shouldFailOnError(true)
            .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
            .build();
    return new Runner(options).run();
  }

  /**
   * Prints one line per mode × watches × credentials: ns per decision and per done, the indexed
   * mode ({@code adaptive}) first.
   */
  static void scheduler() throws Exception {
    Map<String, double[]> byParams = new java.util.TreeMap<>(JmhFigures::byModeAndSize);
    for (RunResult r : run(SchedulerBenchmark.class.getName(), SCHEDULER_WARMUPS)) {
      String watches = r.getParams().getParam("watches");
      int credentials = Integer.parseInt(r.getParams().getParam("credentials"));
      String mode = r.getParams().getParam("mode");
      double perCall = r.getPrimaryResult().getScore() / credentials;
      double[] figures =
          byParams.computeIfAbsent(
              mode + " " + watches + " " + credentials, k -> new double[] {Double.NaN, Double.NaN});
      figures[r.getParams().getBenchmark().endsWith(".decide") ? 0 : 1] = perCall;
    }
    byParams.forEach(
        (params, f) -> {
          String[] p = params.split(" ");
          System.out.printf(
              Locale.ROOT,
              "scheduler: mode=%s watches=%s credentials=%s ns-per-decision=%.0f ns-per-done=%.0f"
                  + " (target <= 10000 per decision at 100000 watches) %s%n",
              p[0],
              p[1],
              p[2],
              f[0],
              f[1],
              Load.now());
        });
  }

  /** {@code adaptive} before {@code adaptive-exact}, then by watches and credentials. */
  private static int byModeAndSize(String a, String b) {
    String[] x = a.split(" ");
    String[] y = b.split(" ");
    int c = x[0].compareTo(y[0]);
    for (int i = 1; c == 0 && i < 3; i++) {
      c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
    }
    return c;
  }

  /** Prints the differ and codec throughputs. */
  static void differ() throws Exception {
    List<String> figures = new ArrayList<>();
    for (RunResult r : run(DifferBenchmark.class.getName())) {
      String name = r.getParams().getBenchmark();
      figures.add(
          String.format(
              Locale.ROOT,
              "%s-per-s=%.0f",
              name.substring(name.lastIndexOf('.') + 1),
              r.getPrimaryResult().getScore()));
    }
    System.out.println("differ: " + String.join(" ", figures) + " " + Load.now());
  }

  /**
   * JMH forks a JVM with {@code java.class.path}; under {@code exec:java} the benchmark classes are
   * in the plugin's class loader instead, so its URLs become the class path.
   */
  private static void exposeClasspath() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader instanceof URLClassLoader urls) {
      List<String> paths = new ArrayList<>();
      for (URL url : urls.getURLs()) {
        paths.add(new File(url.getPath()).getAbsolutePath());
      }
      System.setProperty("java.class.path", String.join(File.pathSeparator, paths));
    }
  }
}
