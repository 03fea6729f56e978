package io.pitwall.gt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Letters of Driver and Safety Rating and how numbers map to them. Both mappings are configuration
 * with documented defaults: GT Sport's {@code driver_class} 1..7 = E, D, C, B, A, A+, S, and Safety
 * Rating from {@code manner_point}: S from 80, A from 65, B from 40, C from 20, D from 10, E below.
 */
public final class RatingScales {

  /** Letters from worst to best. */
  public static final List<String> ORDER = List.of("E", "D", "C", "B", "A", "A+", "S");

  /** Default driver_class mapping. */
  public static final String DEFAULT_DRIVER_CLASSES = "1=E,2=D,3=C,4=B,5=A,6=A+,7=S";

  /** Default Safety Rating thresholds (lowest points of each letter). */
  public static final String DEFAULT_SAFETY_THRESHOLDS = "S=80,A=65,B=40,C=20,D=10,E=0";

  private final Map<Integer, String> driverClasses;
  private final TreeMap<Integer, String> safetyThresholds;

  private RatingScales(
      Map<Integer, String> driverClasses, TreeMap<Integer, String> safetyThresholds) {
    this.driverClasses = driverClasses;
    this.safetyThresholds = safetyThresholds;
  }

  /** The defaults. */
  public static RatingScales defaults() {
    return parse(DEFAULT_DRIVER_CLASSES, DEFAULT_SAFETY_THRESHOLDS);
  }

  /**
   * Parses both mappings.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  public static RatingScales parse(String driverClasses, String safetyThresholds) {
    Map<Integer, String> classes = new LinkedHashMap<>();
    for (String entry : entries(driverClasses)) {
      String[] kv = entry.split("=", 2);
      requireLetter(kv, entry);
      classes.put(number(kv[0], entry), kv[1].trim());
    }
    TreeMap<Integer, String> thresholds = new TreeMap<>();
    for (String entry : entries(safetyThresholds)) {
      String[] kv = entry.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("'" + entry + "' is not LETTER=points");
      }
      requireLetter(new String[] {kv[1], kv[0]}, entry);
      thresholds.put(number(kv[1], entry), kv[0].trim());
    }
    if (!thresholds.containsKey(0)) {
      throw new IllegalArgumentException("the lowest Safety Rating threshold must be 0");
    }
    return new RatingScales(classes, thresholds);
  }

  /** The letter of a GT Sport driver_class, or null when the mapping has none. */
  public String driverClass(int number) {
    return driverClasses.get(number);
  }

  /** The Safety Rating letter of manner points. */
  public String safetyClass(int points) {
    var entry = safetyThresholds.floorEntry(points);
    return entry == null ? safetyThresholds.firstEntry().getValue() : entry.getValue();
  }

  /** Whether {@code to} is a better class than {@code from}. */
  public static boolean isUp(String from, String to) {
    return ORDER.indexOf(to) > ORDER.indexOf(from);
  }

  private static List<String> entries(String text) {
    List<String> entries = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        entries.add(part.trim());
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("the mapping is empty");
    }
    return entries;
  }

  private static void requireLetter(String[] kv, String entry) {
    if (kv.length != 2 || !ORDER.contains(kv[1].trim())) {
      throw new IllegalArgumentException("'" + entry + "' does not map to one of " + ORDER);
    }
  }

  private static int number(String text, String entry) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + entry + "' has no whole number");
    }
  }
}
