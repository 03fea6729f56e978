package io.pitwall.source.common;

import java.time.Duration;

/** Told about every upstream request, for metrics. */
@FunctionalInterface
public interface RequestListener {

  /** Listens to nothing. */
  RequestListener NONE = (endpoint, status, latency) -> {};

  /**
   * One request finished.
   *
   * @param endpoint a low-cardinality endpoint name, e.g. {@code trophyTitles}
   * @param status the HTTP status, or -1 when no answer came
   * @param latency how long it took
   */
  void onRequest(String endpoint, int status, Duration latency);

  /**
   * An answer carried quota headers that could not be read: they were ignored (the configured
   * budget still paces the credential), never fatal.
   *
   * @param endpoint a low-cardinality endpoint name
   * @param headers the names of the unreadable headers (never their values)
   */
  default void onQuotaHeadersUnreadable(String endpoint, java.util.List<String> headers) {}
}
