package io.pitwall.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A program from the operating system that a test needs (PostgreSQL's, Node's). On CI ({@code CI}
 * set, as {@code .ci/run} runs) a missing one fails the test, since {@code .ci/run} installs it;
 * elsewhere the test is skipped with a message saying what to install.
 */
final class ExternalTool {

  private ExternalTool() {}

  /**
   * The program's path: found on the {@code PATH} or in one of the {@code extraDirs}; fails on CI
   * and skips elsewhere when it is missing.
   *
   * @param name the executable's file name
   * @param debianPackage the Debian package {@code .ci/run} installs it from
   * @param extraDirs more folders to look in, the first match winning
   */
  static Path require(String name, String debianPackage, Path... extraDirs) {
    Optional<Path> found = find(name, extraDirs);
    if (found.isEmpty() && System.getenv("CI") != null) {
      throw new AssertionError(
          name + " is missing on CI: .ci/run installs Debian's " + debianPackage + " package");
    }
    assumeTrue(
        found.isPresent(),
        name + " not installed (apt-get install " + debianPackage + "); skipped outside CI");
    return found.get();
  }

  /** The program on the PATH or in one of the folders. */
  static Optional<Path> find(String name, Path... extraDirs) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(
            Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(d -> !d.isEmpty())
                .map(Path::of),
            Arrays.stream(extraDirs))
        .map(d -> d.resolve(name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Debian's PostgreSQL server programs: {@code /usr/lib/postgresql/<newest>/bin}. */
  static Path[] postgresBinDirs() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return new Path[0];
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(v -> v.getFileName().toString().matches("\\d+"))
          .sorted(
              Comparator.comparingInt((Path v) -> Integer.parseInt(v.getFileName().toString()))
                  .reversed())
          .map(v -> v.resolve("bin"))
          .toArray(Path[]::new);
    } catch (java.io.IOException e) {
      return new Path[0];
    }
  }
}
