package io.pitwall.app.engine;

import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.core.PollOutcome;
import io.pitwall.events.wire.InvalidEventException;
import io.pitwall.events.wire.SchemaRegistryException;
import io.pitwall.kafka.Availability;
import io.pitwall.kafka.publish.KafkaUnavailableException;
import io.pitwall.kafka.publish.PublishBatch;
import io.pitwall.kafka.publish.PublishResult;
import io.pitwall.kafka.publish.TransactionalPublisher;
import io.pitwall.source.api.OutgoingEvent;
import io.pitwall.source.api.WatchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Publishes one request's poll results in one transaction: the events of every OK result, and the
 * new state of every result that carries one (an OK poll's, or a failed long poll's checkpoint),
 * and tells how each result fared.
 */
final class ResultPublisher {

  /** What became of a result. */
  enum Fate {
    /** Committed (or nothing to commit). */
    PUBLISHED,
    /** Not committed because Kafka or the registry is away: poll it again later, silently. */
    NOT_PUBLISHED,
    /** An event of it does not match its schema: reported as the watch's upstream error. */
    REJECTED,
    /** The watch was removed while it was polled: forget the result. */
    DROPPED
  }

  /** A result and its fate. */
  record Outcome(WatchResult result, Fate fate) {}

  private static final Logger LOG = LoggerFactory.getLogger(ResultPublisher.class);

  /**
   * A failed registry call counts as the registry probe's observation: polling pauses meanwhile, so
   * only the probe's next success could clear it.
   */
  private static final String OBSERVER = "probe";

  private final TransactionalPublisher publisher;
  private final PitwallMetrics metrics;
  private final Availability registry;

  private final StateSizeLimit stateSize;

  ResultPublisher(
      TransactionalPublisher publisher,
      PitwallMetrics metrics,
      Availability registry,
      StateSizeLimit stateSize) {
    this.publisher = publisher;
    this.metrics = metrics;
    this.registry = registry;
    this.stateSize = stateSize;
  }

  /**
   * Publishes the results.
   *
   * @param current whether a watch key is still in the generation its poll started in
   */
  Mono<List<Outcome>> publish(
      List<WatchResult> results, java.util.function.Predicate<String> current) {
    List<OutgoingEvent> events = new ArrayList<>();
    Map<String, byte[]> states = new LinkedHashMap<>();
    List<Outcome> tooLarge = new ArrayList<>();
    List<WatchResult> storable = new ArrayList<>();
    for (WatchResult r : results) {
      String violation =
          r.state() == null ? null : stateSize.violation(r.watch().key().toString(), r.state());
      if (violation == null) {
        storable.add(r);
      } else {
        LOG.error("{}: {}", r.watch().key(), violation);
        metrics.stateTooLarge(r.watch().key().source());
        tooLarge.add(
            new Outcome(
                WatchResult.failed(r.watch(), PollOutcome.UPSTREAM_ERROR, violation),
                Fate.REJECTED));
      }
    }
    return publishStorable(storable, current)
        .map(
            outcomes -> {
              List<Outcome> all = new ArrayList<>(outcomes);
              all.addAll(tooLarge);
              return all;
            });
  }

  private Mono<List<Outcome>> publishStorable(
      List<WatchResult> results, java.util.function.Predicate<String> current) {
    List<OutgoingEvent> events = new ArrayList<>();
    Map<String, byte[]> states = new LinkedHashMap<>();
    for (WatchResult r : results) {
      if (r.outcome() == PollOutcome.OK) {
        events.addAll(r.events());
      }
      if (r.state() != null) {
        states.put(r.watch().key().toString(), r.state());
      }
    }
    if (events.isEmpty() && states.isEmpty()) {
      return Mono.just(fates(results, Fate.PUBLISHED, Set.of()));
    }
    return Mono.fromFuture(() -> publisher.publish(new PublishBatch(events, states, current)))
        .map(
            published -> {
              counted(results, published);
              registry.up(OBSERVER);
              return fates(results, Fate.PUBLISHED, published.dropped());
            })
        .onErrorResume(e -> Mono.just(failed(results, e)));
  }

  private void counted(List<WatchResult> results, PublishResult published) {
    for (WatchResult r : results) {
      String key = r.watch().key().toString();
      if (r.outcome() != PollOutcome.OK || published.dropped().contains(key)) {
        continue;
      }
      r.events().forEach(e -> metrics.published(e.value().getSchema().getName(), 1));
      r.lags().forEach(lag -> metrics.detectionLag(r.watch().key().source(), lag));
    }
  }

  private List<Outcome> failed(List<WatchResult> results, Throwable error) {
    Throwable e =
        error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
    if (e instanceof InvalidEventException) {
      LOG.error("A batch was refused before sending: {}", e.getMessage());
      return results.stream()
          .map(
              r ->
                  r.outcome() == PollOutcome.OK
                      ? new Outcome(
                          WatchResult.failed(
                              r.watch(),
                              PollOutcome.UPSTREAM_ERROR,
                              "an event did not match its schema: " + e.getMessage()),
                          Fate.REJECTED)
                      : new Outcome(r, Fate.PUBLISHED))
          .toList();
    }
    if (e instanceof SchemaRegistryException registryFailed && registryFailed.isRetriable()) {
      registry.down(OBSERVER, registryFailed.getMessage());
    } else if (e instanceof SchemaRegistryException refused) {
      LOG.error("The schema registry refused a schema: {}", refused.getMessage());
    } else if (!(e instanceof KafkaUnavailableException)) {
      LOG.warn("A batch was not published: {}", e.toString());
    }
    return fates(results, Fate.NOT_PUBLISHED, Set.of());
  }

  private static List<Outcome> fates(List<WatchResult> results, Fate fate, Set<String> dropped) {
    return results.stream()
        .map(
            r -> new Outcome(r, dropped.contains(r.watch().key().toString()) ? Fate.DROPPED : fate))
        .toList();
  }
}
