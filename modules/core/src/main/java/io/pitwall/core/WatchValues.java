package io.pitwall.core;

import io.pitwall.core.WatchParser.Rejection;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks of single watch fields for {@link WatchParser}: each takes a plain value (from
 * configuration text or watches-topic JSON) and returns it typed, or throws a {@link Rejection}
 * with its reason code.
 */
final class WatchValues {

  private WatchValues() {}

  static Object bool(String name, String value) {
    return switch (value) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> value; // refused as BAD_FIELD_TYPE by the checks below
    };
  }

  static String label(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String label)
        || label.isEmpty()
        || label.length() > WatchParser.MAX_LABEL_LENGTH
        || label.chars().anyMatch(Character::isISOControl)) {
      throw new Rejection(
          "BAD_LABEL",
          "label must be a string of 1 to "
              + WatchParser.MAX_LABEL_LENGTH
              + " printable characters");
    }
    return label;
  }

  static Boolean flag(Map<String, Object> fields, String name) {
    Object value = fields.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean b)) {
      throw new Rejection("BAD_FIELD_TYPE", name + " must be true or false");
    }
    return b;
  }

  static Object optionValue(WatchOption option, Object value) {
    if (option.kind() == WatchOption.Kind.FLAG) {
      if (!(value instanceof Boolean)) {
        throw new Rejection("BAD_FIELD_TYPE", option.name() + " must be true or false");
      }
      return value;
    }
    if (!(value instanceof List<?> items) || items.isEmpty()) {
      throw new Rejection("BAD_OPTION", option.name() + " is a non-empty list of ids");
    }
    List<String> ids = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String id) || !option.item().matcher(id).matches()) {
        throw new Rejection(
            "BAD_OPTION",
            option.name()
                + " id '"
                + WatchKey.printable(String.valueOf(item))
                + "' must match "
                + option.item().pattern());
      }
      ids.add(id);
    }
    return ids;
  }

  static Duration interval(Map<String, Object> fields, String name) {
    Object value = fields.get(name);
    if (value == null) {
      return null;
    }
    try {
      Duration d = Duration.parse(String.valueOf(value));
      if (d.isNegative() || d.isZero() || d.compareTo(WatchParser.MAX_INTERVAL) > 0) {
        throw new Rejection("BAD_INTERVAL", name + " must be between 0 and 30 days, not " + d);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new Rejection(
          "BAD_INTERVAL",
          name
              + " '"
              + WatchKey.printable(String.valueOf(value))
              + "' is not an ISO-8601 duration such as PT1M");
    }
  }
}
