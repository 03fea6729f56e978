package io.pitwall.source.psn;

import io.pitwall.core.PollOutcome;
import io.pitwall.source.psn.diff.EarnedTrophy;
import io.pitwall.source.psn.diff.TitleEntry;
import io.pitwall.source.psn.diff.TrophyCounts;
import io.pitwall.source.psn.diff.TrophyMeta;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Trophy API v2 bodies into core values, strictly: a missing field, a wrong type, an
 * unparseable date or a body that is not JSON (an HTML error page) is a {@link PsnException} with
 * outcome {@link PollOutcome#UPSTREAM_ERROR} naming the field, never a partial result.
 */
public final class PsnJsonParser {

  private PsnJsonParser() {}

  /** Parses a {@code trophyTitles} page. */
  public static TitlePage titles(Buffer body) {
    JsonObject json = object(body, "trophyTitles");
    JsonArray list = array(json, "trophyTitles", "");
    List<TitleEntry> entries = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String path = "trophyTitles[" + i + "]";
      JsonObject t = element(list, i, path);
      entries.add(
          new TitleEntry(
              string(t, "npCommunicationId", path),
              service(t, path),
              string(t, "trophySetVersion", path),
              string(t, "trophyTitleName", path),
              optionalString(t, "trophyTitleDetail", path),
              optionalString(t, "trophyTitleIconUrl", path),
              string(t, "trophyTitlePlatform", path),
              bool(t, "hasTrophyGroups", path),
              time(t, "lastUpdatedDateTime", path),
              counts(t, "earnedTrophies", path),
              t.containsKey("hiddenFlag") && bool(t, "hiddenFlag", path)));
    }
    Integer next = json.containsKey("nextOffset") ? integer(json, "nextOffset", "") : null;
    return new TitlePage(List.copyOf(entries), next, integer(json, "totalItemCount", ""));
  }

  /**
   * Parses an earned-status list and keeps the earned trophies, with how many trophies it listed
   * and counted ({@code totalItemCount}; the listed number when absent).
   */
  public static EarnedList earned(Buffer body) {
    JsonObject json = object(body, "earned trophies");
    JsonArray list = array(json, "trophies", "");
    List<EarnedTrophy> earned = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "trophies[" + i + "]";
      JsonObject t = element(list, i, path);
      int id = integer(t, "trophyId", path);
      if (bool(t, "earned", path)) {
        Integer rare = t.containsKey("trophyRare") ? integer(t, "trophyRare", path) : null;
        Double rate = null;
        String rateText = optionalString(t, "trophyEarnedRate", path);
        if (rateText != null) {
          try {
            rate = Double.parseDouble(rateText);
          } catch (NumberFormatException e) {
            throw invalid(path + ".trophyEarnedRate", "'" + rateText + "' is not a number");
          }
        }
        earned.add(new EarnedTrophy(id, time(t, "earnedDateTime", path), rare, rate));
      }
    }
    int total =
        json.containsKey("totalItemCount") ? integer(json, "totalItemCount", "") : list.size();
    return new EarnedList(earned, list.size(), total);
  }

  /** Parses title metadata ({@code trophyGroups/all/trophies}) with group names, if known. */
  public static TitleMetadata metadata(Buffer body, Map<String, String> groupNames) {
    JsonObject json = object(body, "title trophies");
    JsonArray list = array(json, "trophies", "");
    Map<Integer, TrophyMeta> trophies = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "trophies[" + i + "]";
      JsonObject t = element(list, i, path);
      String group = string(t, "trophyGroupId", path);
      String type = string(t, "trophyType", path);
      if (!List.of("bronze", "silver", "gold", "platinum").contains(type)) {
        throw invalid(path + ".trophyType", "'" + type + "' is not a trophy grade");
      }
      int id = integer(t, "trophyId", path);
      trophies.put(
          id,
          new TrophyMeta(
              id,
              group,
              groupNames.get(group),
              type,
              string(t, "trophyName", path),
              string(t, "trophyDetail", path),
              string(t, "trophyIconUrl", path),
              bool(t, "trophyHidden", path),
              optionalString(t, "trophyRewardName", path),
              optionalString(t, "trophyRewardImageUrl", path)));
    }
    return new TitleMetadata(string(json, "trophySetVersion", ""), trophies);
  }

  /** Parses a title's groups into group id → name. */
  public static Map<String, String> groupNames(Buffer body) {
    JsonObject json = object(body, "trophy groups");
    JsonArray list = array(json, "trophyGroups", "");
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "trophyGroups[" + i + "]";
      JsonObject g = element(list, i, path);
      names.put(string(g, "trophyGroupId", path), string(g, "trophyGroupName", path));
    }
    return names;
  }

  /** The PSN error code of an error body, or null when it is not PSN's error shape. */
  public static Integer errorCode(Buffer body) {
    try {
      JsonObject error = new JsonObject(body).getJsonObject("error");
      return error == null ? null : error.getInteger("code");
    } catch (DecodeException | ClassCastException | NullPointerException e) {
      return null;
    }
  }

  private static JsonObject object(Buffer body, String what) {
    if (body == null || body.length() == 0) {
      throw invalid(what, "empty body");
    }
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      String start = body.getString(0, Math.min(body.length(), 40)).replaceAll("\\s+", " ");
      throw invalid(what, "body is not a JSON object (starts with '" + start + "')");
    }
  }

  private static JsonArray array(JsonObject json, String field, String path) {
    Object value = json.getValue(field);
    if (!(value instanceof JsonArray array)) {
      throw invalid(join(path, field), value == null ? "missing" : "not an array");
    }
    return array;
  }

  private static JsonObject element(JsonArray list, int i, String path) {
    Object value = list.getValue(i);
    if (!(value instanceof JsonObject object)) {
      throw invalid(path, "not an object");
    }
    return object;
  }

  private static String string(JsonObject json, String field, String path) {
    String value = optionalString(json, field, path);
    if (value == null) {
      throw invalid(join(path, field), "missing");
    }
    return value;
  }

  private static String optionalString(JsonObject json, String field, String path) {
    Object value = json.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw invalid(join(path, field), "not a string");
    }
    return (String) value;
  }

  private static int integer(JsonObject json, String field, String path) {
    Object value = json.getValue(field);
    if (!(value instanceof Number number)
        || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw invalid(join(path, field), value == null ? "missing" : "not an integer");
    }
    return number.intValue();
  }

  private static boolean bool(JsonObject json, String field, String path) {
    Object value = json.getValue(field);
    if (!(value instanceof Boolean bool)) {
      throw invalid(join(path, field), value == null ? "missing" : "not a boolean");
    }
    return bool;
  }

  private static Instant time(JsonObject json, String field, String path) {
    String text = string(json, field, path);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(join(path, field), "'" + text + "' is not an ISO-8601 instant");
    }
  }

  private static String service(JsonObject json, String path) {
    String service = string(json, "npServiceName", path);
    if (!service.equals("trophy") && !service.equals("trophy2")) {
      throw invalid(join(path, "npServiceName"), "'" + service + "' is neither trophy nor trophy2");
    }
    return service;
  }

  private static TrophyCounts counts(JsonObject json, String field, String path) {
    Object value = json.getValue(field);
    if (!(value instanceof JsonObject counts)) {
      throw invalid(join(path, field), value == null ? "missing" : "not an object");
    }
    String inner = join(path, field);
    try {
      return new TrophyCounts(
          integer(counts, "bronze", inner),
          integer(counts, "silver", inner),
          integer(counts, "gold", inner),
          integer(counts, "platinum", inner));
    } catch (IllegalArgumentException negative) {
      throw invalid(inner, negative.getMessage());
    }
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static PsnException invalid(String field, String problem) {
    return new PsnException(
        PollOutcome.UPSTREAM_ERROR, "Unexpected PSN response: " + field + " " + problem);
  }
}
