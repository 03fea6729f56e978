package io.pitwall.app.engine;

import io.pitwall.app.config.WatchSpec;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.gt.GtDiffer;
import io.pitwall.core.gt.GtWatchState;
import io.pitwall.core.gt.RatingChange;
import io.pitwall.core.gt.RoundChange;
import io.pitwall.events.EventType;
import io.pitwall.events.GtEventMapper;
import io.pitwall.kafka.publish.OutgoingEvent;
import io.pitwall.kafka.state.GtStateCodec;
import io.pitwall.kafka.state.KafkaStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both GT sources share: prior states, and turning a diff into events and a result. */
final class GtEvents {

  private static final Logger LOG = LoggerFactory.getLogger(GtEvents.class);

  private final KafkaStateStore states;
  private final String prefix;

  GtEvents(KafkaStateStore states, String prefix) {
    this.states = states;
    this.prefix = prefix;
  }

  GtWatchState prior(WatchSpec watch) {
    byte[] stored = states.get(watch.key().toString());
    try {
      return stored == null ? GtWatchState.EMPTY : GtStateCodec.decode(stored);
    } catch (IllegalArgumentException corrupt) {
      LOG.error(
          "{}: stored state unreadable ({}); taking a new baseline",
          watch.key(),
          corrupt.getMessage());
      return GtWatchState.EMPTY;
    }
  }

  WatchResult result(
      WatchSpec watch, GtWatchState prior, GtDiffer.Result diff, Instant detectedAt) {
    return result(watch, prior, diff, detectedAt, null, null);
  }

  /** The watch's result, rating events named with the favourite manufacturer and car if known. */
  WatchResult result(
      WatchSpec watch,
      GtWatchState prior,
      GtDiffer.Result diff,
      Instant detectedAt,
      String favouriteManufacturer,
      String favouriteCar) {
    String key = watch.key().toString();
    List<OutgoingEvent> events = new ArrayList<>();
    for (RatingChange change : diff.ratings()) {
      EventType type =
          change.kind() == RatingChange.Kind.DRIVER_RATING
              ? EventType.DR_CLASS_CHANGED
              : EventType.SAFETY_RATING_CHANGED;
      events.add(
          new OutgoingEvent(
              type.topic(prefix),
              key,
              GtEventMapper.toEvent(
                  watch.key(),
                  watch.label(),
                  change,
                  detectedAt,
                  favouriteManufacturer,
                  favouriteCar)));
    }
    for (RoundChange change : diff.rounds()) {
      events.add(
          new OutgoingEvent(
              EventType.SERIES_ROUND_SCORED.topic(prefix),
              key,
              GtEventMapper.toEvent(watch.key(), watch.label(), change, detectedAt)));
    }
    boolean baseline = prior.driver() == null;
    byte[] state = diff.next().equals(prior) ? null : GtStateCodec.encode(diff.next());
    return new WatchResult(
        watch,
        PollOutcome.OK,
        baseline ? "baseline taken" : events.size() + " new",
        events,
        state,
        List.of(),
        baseline);
  }
}
