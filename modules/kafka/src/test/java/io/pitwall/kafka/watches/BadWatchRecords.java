package io.pitwall.kafka.watches;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** At least twenty kinds of bad watches-topic records, each with the reason it must get. */
public final class BadWatchRecords {

  /**
   * One bad record.
   *
   * @param key the key, or null
   * @param value the value
   * @param reason the expected reason code
   */
  public record Bad(String key, String value, String reason) {
    public byte[] keyBytes() {
      return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] valueBytes() {
      return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
  }

  private BadWatchRecords() {}

  /** The catalogue of bad records. */
  public static List<Bad> all() {
    return List.of(
        new Bad(null, "{\"source\":\"psn\",\"accountId\":\"1\"}", "MISSING_KEY"),
        new Bad("psn-123", "{}", "BAD_KEY"),
        new Bad("xbox:123", "{\"source\":\"xbox\",\"accountId\":\"123\"}", "UNKNOWN_SOURCE"),
        new Bad(
            "psn:../admin", "{\"source\":\"psn\",\"accountId\":\"../admin\"}", "BAD_ACCOUNT_ID"),
        new Bad("psn:12/34", "{\"source\":\"psn\",\"accountId\":\"12/34\"}", "BAD_ACCOUNT_ID"),
        new Bad(
            "gridstats:a b", "{\"source\":\"gridstats\",\"accountId\":\"a b\"}", "BAD_ACCOUNT_ID"),
        new Bad("gridstats:ab\u0007c", "{}", "BAD_ACCOUNT_ID"),
        new Bad("gridstats:" + "x".repeat(300), "{}", "BAD_ACCOUNT_ID"),
        new Bad("gt:abc", "{\"source\":\"gt\",\"accountId\":\"abc\"}", "BAD_ACCOUNT_ID"),
        new Bad("psn:123", "{\"source\":\"psn\",", "MALFORMED_JSON"),
        new Bad("psn:123", "not json at all", "MALFORMED_JSON"),
        new Bad("psn:123", "[1,2,3]", "NOT_AN_OBJECT"),
        new Bad(
            "psn:123",
            "{\"source\":\"psn\",\"accountId\":\"123\",\"colour\":\"red\"}",
            "UNKNOWN_FIELD"),
        new Bad("psn:123", "{\"source\":\"psn\",\"accountId\":123}", "BAD_FIELD_TYPE"),
        new Bad("psn:123", "{\"source\":\"psn\",\"accountId\":\"456\"}", "KEY_VALUE_MISMATCH"),
        new Bad("psn:123", "{\"source\":\"gt\",\"accountId\":\"123\"}", "KEY_VALUE_MISMATCH"),
        new Bad(
            "psn:123",
            "{\"source\":\"psn\",\"accountId\":\"123\",\"enabled\":\"yes\"}",
            "BAD_FIELD_TYPE"),
        new Bad(
            "psn:123",
            "{\"source\":\"psn\",\"accountId\":\"123\",\"credential\":\"stolen\"}",
            "UNKNOWN_CREDENTIAL"),
        new Bad(
            "psn:123",
            "{\"source\":\"psn\",\"accountId\":\"123\",\"series\":[\"1564\"]}",
            "BAD_OPTION"),
        new Bad(
            "gt:123", "{\"source\":\"gt\",\"accountId\":\"123\",\"backfill\":true}", "BAD_OPTION"),
        new Bad(
            "psn:123",
            "{\"source\":\"psn\",\"accountId\":\"123\",\"maxInterval\":\"P31D\"}",
            "BAD_INTERVAL"),
        new Bad(
            "gridstats:skino",
            "{\"source\":\"gridstats\",\"accountId\":\"skino\",\"series\":[\"15;64\"]}",
            "BAD_OPTION"),
        new Bad(
            "psn:123",
            "{\"source\":\"psn\",\"accountId\":\"123\",\"minInterval\":\"soon\"}",
            "BAD_INTERVAL"),
        new Bad(
            "psn:123",
            "{\"source\":\"psn\",\"accountId\":\"123\",\"minInterval\":\"PT1H\",\"maxInterval\":\"PT1M\"}",
            "BAD_INTERVAL"),
        new Bad(
            "psn:123",
            "{\"source\":\"psn\",\"accountId\":\"123\",\"label\":\"bad\\u0000label\"}",
            "BAD_LABEL"),
        new Bad(
            "psn:123",
            "{\"source\":\"psn\",\"accountId\":\"123\",\"label\":\"" + "y".repeat(5000) + "\"}",
            "OVERSIZED"));
  }
}
