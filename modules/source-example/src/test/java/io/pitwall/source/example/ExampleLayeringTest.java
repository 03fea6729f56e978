package io.pitwall.source.example;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The example keeps to the rule every source module keeps: it depends on the source API, the core
 * and its own libraries only (the envelope class, generated from the kernel's schema, is part of
 * the source API).
 */
@AnalyzeClasses(
    packages = "io.pitwall.source.example",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ExampleLayeringTest {

  @ArchTest
  static final ArchRule dependsOnlyOnTheSourceApiCoreAndLibraries =
      classes()
          .that()
          .resideInAPackage("io.pitwall.source.example..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.pitwall.source.example..",
              "io.pitwall.source.api..",
              "io.pitwall.source.common..",
              "io.pitwall.core..",
              "io.pitwall.events..",
              "java..",
              "io.vertx..",
              "reactor..",
              "org.apache.avro..",
              "org.apache.kafka.common.config..",
              "com.fasterxml.jackson..",
              "org.slf4j..")
          .because(
              "a source module depends only on source-api, core and its own libraries: reach the"
                  + " engine through SourceContext, never through app, kafka or another source");
}
