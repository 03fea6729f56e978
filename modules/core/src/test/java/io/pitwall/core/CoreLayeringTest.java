package io.pitwall.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps {@code core} pure: the detection logic must be testable without I/O frameworks, and
 * reusable by any edge (Vert.x sources, Kafka publisher, benchmarks).
 */
@AnalyzeClasses(packages = "io.pitwall.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreLayeringTest {

  @ArchTest
  static final ArchRule coreDependsOnNoIoFramework =
      noClasses()
          .that()
          .resideInAPackage("io.pitwall.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.vertx..", "org.apache.kafka..", "reactor..", "org.apache.avro..", "io.netty..")
          .because(
              "core holds pure detection logic (snapshots, differs, budgets, scheduling); move the"
                  + " I/O into an edge module (source-*, kafka, app) and pass plain values into"
                  + " core");
}
