package io.pitwall.events.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.SchemaParser;

/**
 * Reads the frozen schemas of every released version: each directory {@code <root>/<version>/}
 * holds the {@code .avsc} files of that version (at any depth), parsed together so that a file may
 * name a type another file defines (the events name the shared {@code Envelope}).
 */
public final class ReleasedSchemas {

  private ReleasedSchemas() {}

  /**
   * Loads every released version under {@code root}, oldest first.
   *
   * @throws IllegalArgumentException naming the directory or file when {@code root} is not a
   *     directory, a version holds no schema, or a file cannot be parsed
   */
  public static List<ReleasedVersion> load(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(
          "No released schemas: " + root + " is not a directory of <version>/*.avsc");
    }
    List<ReleasedVersion> versions = new ArrayList<>();
    for (Path dir : list(root, Files::isDirectory)) {
      versions.add(loadVersion(dir.getFileName().toString(), dir));
    }
    versions.sort(Comparator.comparing(ReleasedVersion::version, ReleasedSchemas::compareVersions));
    return versions;
  }

  /**
   * Loads one released version from the {@code .avsc} files under {@code dir}.
   *
   * @throws IllegalArgumentException naming the file that cannot be parsed, or the directory when
   *     it holds no schema
   */
  public static ReleasedVersion loadVersion(String version, Path dir) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".avsc"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the released schemas in " + dir, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "Released version " + version + " (" + dir + ") holds no .avsc file");
    }
    SchemaParser parser = new SchemaParser();
    List<SchemaParser.ParseResult> parsed = new ArrayList<>();
    for (Path file : files) {
      try {
        parsed.add(parser.parse(file));
      } catch (IOException | SchemaParseException e) {
        throw new IllegalArgumentException(
            "Released schema " + file + " cannot be parsed: " + e.getMessage(), e);
      }
    }
    List<Schema> schemas = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      try {
        schemas.add(parser.resolve(parsed.get(i)));
      } catch (AvroRuntimeException e) {
        throw new IllegalArgumentException(
            "Released schema " + files.get(i) + " cannot be resolved: " + e.getMessage(), e);
      }
    }
    return new ReleasedVersion(version, schemas);
  }

  /** Orders versions by their numeric parts: 0.2 &lt; 0.10 &lt; 1.0. */
  static int compareVersions(String a, String b) {
    String[] left = a.split("[.-]");
    String[] right = b.split("[.-]");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      String l = i < left.length ? left[i] : "0";
      String r = i < right.length ? right[i] : "0";
      int order =
          l.matches("\\d{1,9}") && r.matches("\\d{1,9}")
              ? Integer.compare(Integer.parseInt(l), Integer.parseInt(r))
              : l.compareTo(r);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  private static List<Path> list(Path dir, java.util.function.Predicate<Path> filter) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(filter).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + dir, e);
    }
  }
}
