package io.pitwall.simulator.psn;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The API's limit/offset pagination: {@code nextOffset} and {@code previousOffset} appear only when
 * the request gave a limit or an offset; {@code nextOffset} is absent on the last page; {@code
 * previousOffset} is the offset just before the requested one, or the last item's offset when the
 * requested offset is past the end.
 */
final class Paging {

  private final Integer limit;
  private final Integer offset;

  private Paging(Integer limit, Integer offset) {
    this.limit = limit;
    this.offset = offset;
  }

  /**
   * Parses the query parameters.
   *
   * @param maxLimit the largest accepted limit
   * @throws PsnError 400 naming the parameter when a value is not a number in range
   */
  static Paging parse(String limit, String offset, int maxLimit) {
    return new Paging(
        number(limit, "limit", 1, maxLimit), number(offset, "offset", 0, Integer.MAX_VALUE));
  }

  private static Integer number(String value, String name, int min, int max) {
    if (value == null) {
      return null;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed < min || parsed > max) {
        throw PsnError.badQuery(name);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw PsnError.badQuery(name);
    }
  }

  /** The page of {@code all} the request asks for. */
  <T> List<T> page(List<T> all, int defaultLimit) {
    int from = Math.min(offset(), all.size());
    int to = (int) Math.min((long) from + limit(defaultLimit), all.size());
    return all.subList(from, to);
  }

  /** Adds {@code nextOffset}/{@code previousOffset} as the API does, before totalItemCount. */
  void annotate(JsonObject json, int total, int defaultLimit) {
    if (limit == null && offset == null) {
      return;
    }
    long next = (long) offset() + limit(defaultLimit);
    if (next < total) {
      json.put("nextOffset", (int) next);
    }
    if (offset() >= total && total > 0) {
      json.put("previousOffset", total - 1);
    } else if (offset() > 0) {
      json.put("previousOffset", offset() - 1);
    }
  }

  private int offset() {
    return offset == null ? 0 : offset;
  }

  private int limit(int defaultLimit) {
    return limit == null ? defaultLimit : limit;
  }
}
