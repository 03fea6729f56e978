package io.pitwall.source.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one response says about its credential's quota, read from whichever common spelling the
 * server uses: {@code X-RateLimit-Limit/-Remaining/-Reset}, the IETF draft's {@code
 * RateLimit-Limit/-Remaining/-Reset} and {@code RateLimit-Policy}, and {@code Retry-After} on a 429
 * or 503 (seconds or an HTTP date). Where both families are sent, the IETF names win. A reset of at
 * least {@value #EPOCH_FLOOR} is unix seconds (GitHub's, Laravel's), a smaller one is seconds from
 * now (the draft's). Pure: headers and time come in as arguments.
 *
 * @param limit the requests the window allows, or null
 * @param remaining the requests left in the window, or null
 * @param reset when the window starts afresh, or null
 * @param window the policy's window ({@code RateLimit-Policy: 100;w=60}), or null
 * @param retryAt when a refused request may be retried ({@code Retry-After}), or null
 * @param unreadable the quota headers that were present but could not be read (never their values,
 *     which are not trusted)
 */
public record QuotaHints(
    Integer limit,
    Integer remaining,
    Instant reset,
    Duration window,
    Instant retryAt,
    List<String> unreadable) {

  /** A reset at or above this many seconds is a unix time, below it a number of seconds. */
  static final long EPOCH_FLOOR = 1_000_000_000L;

  /** The pause after a refusal or an exhausted quota that says nothing about when it ends. */
  public static final Duration DEFAULT_PAUSE = Duration.ofSeconds(60);

  private static final Pattern NUMBER = Pattern.compile("\\s*(\\d{1,18})(\\.\\d{1,9})?\\s*");
  private static final Pattern PARAM = Pattern.compile(";\\s*([a-z]+)\\s*=\\s*([^;,\\s]+)");

  public QuotaHints {
    unreadable = List.copyOf(unreadable);
  }

  /**
   * Reads the quota headers of a response.
   *
   * @param header a header's value by name (case-insensitive), or null when absent
   * @param status the response's status ({@code Retry-After} is read on 429 and 503 only)
   * @param now the time the response came
   */
  public static QuotaHints read(Function<String, String> header, int status, Instant now) {
    Reader reader = new Reader(header, now);
    Integer limit = reader.count("RateLimit-Limit", "X-RateLimit-Limit");
    Integer remaining = reader.count("RateLimit-Remaining", "X-RateLimit-Remaining");
    Instant reset = reader.reset("RateLimit-Reset", "X-RateLimit-Reset");
    Policy policy = reader.policy("RateLimit-Policy");
    Instant retryAt = status == 429 || status == 503 ? reader.retryAfter("Retry-After") : null;
    return new QuotaHints(
        limit != null ? limit : policy == null ? null : policy.quota(),
        remaining,
        reset,
        policy == null ? null : policy.window(),
        retryAt,
        reader.unreadable);
  }

  /** Whether a quota header was present but could not be read. */
  public boolean hasUnreadable() {
    return !unreadable.isEmpty();
  }

  /**
   * When a refused (429) request may be tried again: the {@code Retry-After}, else the window's
   * reset, else the policy's window from now, else {@link #DEFAULT_PAUSE} from now.
   */
  public Instant retryAfterRefusal(Instant now) {
    if (retryAt != null) {
      return retryAt;
    }
    return windowEnd(now);
  }

  /**
   * When the current window ends: the reset, else the policy's window from now, else {@link
   * #DEFAULT_PAUSE} from now.
   */
  public Instant windowEnd(Instant now) {
    if (reset != null) {
      return reset;
    }
    return now.plus(window != null ? window : DEFAULT_PAUSE);
  }

  private record Policy(Integer quota, Duration window) {}

  /** Reads headers, collecting the names of those present but unreadable. */
  private static final class Reader {
    private final Function<String, String> header;
    private final Instant now;
    private final List<String> unreadable = new ArrayList<>();

    Reader(Function<String, String> header, Instant now) {
      this.header = header;
      this.now = now;
    }

    /** The first present header's leading non-negative integer (lists: the first item). */
    Integer count(String... names) {
      for (String name : names) {
        String value = header.apply(name);
        if (value != null) {
          Long n = integer(firstItem(value));
          if (n != null && n <= Integer.MAX_VALUE) {
            return n.intValue();
          }
          unreadable.add(name);
        }
      }
      return null;
    }

    Instant reset(String... names) {
      for (String name : names) {
        String value = header.apply(name);
        if (value != null) {
          Matcher m = NUMBER.matcher(firstItem(value));
          if (m.matches()) {
            long seconds = Long.parseLong(m.group(1));
            return seconds >= EPOCH_FLOOR
                ? Instant.ofEpochSecond(seconds)
                : now.plusSeconds(seconds);
          }
          unreadable.add(name);
        }
      }
      return null;
    }

    /** {@code 100;w=60} (draft 03) or {@code "default";q=100;w=60} (later drafts). */
    Policy policy(String name) {
      String value = header.apply(name);
      if (value == null) {
        return null;
      }
      String first = firstPolicy(value);
      Long quota = integer(first.replaceFirst(";.*", ""));
      Long window = null;
      boolean garbled = false;
      Matcher m = PARAM.matcher(first);
      while (m.find()) {
        Long n = integer(m.group(2));
        garbled |= n == null && (m.group(1).equals("q") || m.group(1).equals("w"));
        if (m.group(1).equals("q")) {
          quota = n;
        } else if (m.group(1).equals("w")) {
          window = n;
        }
      }
      if (garbled || quota == null || quota > Integer.MAX_VALUE) {
        unreadable.add(name);
        return null;
      }
      return new Policy(quota.intValue(), window == null ? null : Duration.ofSeconds(window));
    }

    /** Seconds or an HTTP date (RFC 9110's IMF-fixdate). */
    Instant retryAfter(String name) {
      String value = header.apply(name);
      if (value == null) {
        return null;
      }
      Long seconds = integer(value);
      if (seconds != null) {
        return now.plusSeconds(seconds);
      }
      try {
        return ZonedDateTime.parse(
                value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
            .toInstant();
      } catch (DateTimeParseException e) {
        unreadable.add(name);
        return null;
      }
    }

    private static Long integer(String text) {
      Matcher m = NUMBER.matcher(text);
      return m.matches() && m.group(2) == null ? Long.parseLong(m.group(1)) : null;
    }

    /** The first item of a list, without its parameters ({@code 100, 100;w=60} → 100). */
    private static String firstItem(String value) {
      return firstPolicy(value).replaceFirst(";.*", "");
    }

    private static String firstPolicy(String value) {
      int comma = value.indexOf(',');
      return comma < 0 ? value : value.substring(0, comma);
    }
  }
}
