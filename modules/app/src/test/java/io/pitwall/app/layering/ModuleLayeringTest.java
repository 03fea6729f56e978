package io.pitwall.app.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;

/**
 * The plugin seam as tests: the kernel names no source, a source depends only on the source API,
 * the core (and the GT domain where it is a GT source), and the core stays free of I/O frameworks.
 * Modules are told apart by where their classes were loaded from ({@code modules/<name>/target}).
 */
@AnalyzeClasses(
    packages = "io.pitwall",
    importOptions = {ImportOption.DoNotIncludeTests.class, ModuleLayeringTest.NoTestJars.class})
class ModuleLayeringTest {

  /** Leaves out other modules' test jars ({@code *-tests.jar}), which DoNotIncludeTests keeps. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar");
    }
  }

  /** Modules that hold one upstream each, or what GT upstreams share. */
  static final List<String> SOURCE_MODULES =
      List.of("source-psn", "source-gt", "source-gridstats", "gt-domain");

  /** Every Pitwall module a source module must not depend on. */
  static final List<String> NOT_FOR_SOURCES =
      List.of("app", "kafka", "events", "testkit", "simulator", "chaos", "bench");

  @ArchTest
  static final ArchRule kernelNamesNoSource =
      noClasses()
          .that(inModule("app", "kafka", "events"))
          .should()
          .dependOnClassesThat(inModule(SOURCE_MODULES.toArray(String[]::new)))
          .because(
              "the engine, kafka and events modules serve every source alike: reach a source only"
                  + " through io.pitwall.source.api (SourcePlugin, SourceContext, EventType,"
                  + " StateCodec) and find plugins with SourcePlugins.installed(); move"
                  + " source-specific code into that source's module");

  @ArchTest
  static final ArchRule psnDependsOnlyOnTheApiAndCore =
      sourceRule("source-psn", "source-gt", "source-gridstats", "gt-domain");

  @ArchTest
  static final ArchRule gtDependsOnlyOnTheApiCoreAndGtDomain =
      sourceRule("source-gt", "source-psn", "source-gridstats");

  @ArchTest
  static final ArchRule gridstatsDependsOnlyOnTheApiCoreAndGtDomain =
      sourceRule("source-gridstats", "source-psn", "source-gt");

  @ArchTest
  static final ArchRule gtDomainDependsOnNoSource =
      sourceRule("gt-domain", "source-psn", "source-gt", "source-gridstats");

  @ArchTest
  static final ArchRule sourceApiDependsOnNoSource =
      noClasses()
          .that(inModule("source-api"))
          .should()
          .dependOnClassesThat(inModule(concat(SOURCE_MODULES, NOT_FOR_SOURCES)))
          .because(
              "source-api is the seam every source builds on: it may use only the core and"
                  + " libraries; put what a kernel module needs from a source behind an interface"
                  + " here");

  @ArchTest
  static final ArchRule coreDependsOnNoIoFramework =
      noClasses()
          .that(inModule("core"))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.vertx..", "org.apache.kafka..", "reactor..", "org.apache.avro..", "io.netty..")
          .because(
              "core holds what every source shares as plain logic (watch keys and definitions,"
                  + " outcomes, budgets, scheduling, event ids); do the I/O in source-api, a"
                  + " source module, kafka or app and pass plain values into core");

  private static ArchRule sourceRule(String module, String... otherSources) {
    return noClasses()
        .that(inModule(module))
        .should()
        .dependOnClassesThat(inModule(concat(Arrays.asList(otherSources), NOT_FOR_SOURCES)))
        .because(
            "a source module depends only on source-api, core, the GT domain module where it is a"
                + " GT source, and its own libraries; share code between sources through"
                + " source-api or gt-domain, and reach the engine only through SourceContext");
  }

  private static String[] concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
  }

  /** Classes loaded from one of the modules' build output ({@code modules/<name>/target/...}). */
  static DescribedPredicate<JavaClass> inModule(String... modules) {
    return DescribedPredicate.describe(
        "in module " + String.join(", ", modules),
        c ->
            c.getSource()
                .map(s -> s.getUri().toString())
                .map(
                    uri ->
                        !uri.contains("-tests.jar")
                            && Arrays.stream(modules)
                                .anyMatch(m -> uri.contains("/modules/" + m + "/")))
                .orElse(false));
  }
}
