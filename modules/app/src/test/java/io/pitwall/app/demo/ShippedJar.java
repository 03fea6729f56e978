package io.pitwall.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the shipped {@code pitwall.jar} must never carry: JUnit and Kafka's test kit, which only
 * tests need. An entry is forbidden when its name contains one of {@link #FORBIDDEN}, the same
 * match as {@code unzip -l pitwall.jar | grep -cE 'org/junit|org/apache/kafka/common/test'}.
 */
final class ShippedJar {

  /** Path fragments of test-only code. */
  static final List<String> FORBIDDEN = List.of("org/junit", "org/apache/kafka/common/test");

  private ShippedJar() {}

  /** The names of the jar's entries, in the jar's order. */
  static List<String> entries(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + jar, e);
    }
  }

  /** The entries of {@code jar} that are test-only code; empty for a clean jar. */
  static List<String> forbiddenEntries(Path jar) {
    return entries(jar).stream()
        .filter(name -> FORBIDDEN.stream().anyMatch(name::contains))
        .toList();
  }
}
