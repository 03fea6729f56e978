package io.pitwall.gt;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchDefinition;
import io.pitwall.source.api.EventType;
import io.pitwall.source.api.OutgoingEvent;
import io.pitwall.source.api.PriorStates;
import io.pitwall.source.api.SourceContext;
import io.pitwall.source.api.WatchResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What both GT sources share: prior states, and turning a diff into events and a result. */
public final class GtEvents {

  private final PriorStates<GtWatchState> states;
  private final SourceContext context;

  /** The GT events of a source's context. */
  public GtEvents(SourceContext context) {
    this.states = new PriorStates<>(context.states(), GtStateCodec.CODEC);
    this.context = context;
  }

  /** The watch's prior state, or the empty one. */
  public GtWatchState prior(WatchDefinition watch) {
    return states.prior(watch.key().toString());
  }

  /** The watch's result, without names on rating events. */
  public WatchResult result(
      WatchDefinition watch, GtWatchState prior, GtDiffer.Result diff, Instant detectedAt) {
    return result(watch, prior, diff, detectedAt, null, null);
  }

  /** The watch's result, rating events named with the favourite manufacturer and car if known. */
  public WatchResult result(
      WatchDefinition watch,
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
              ? GtEventTypes.DR_CLASS_CHANGED
              : GtEventTypes.SAFETY_RATING_CHANGED;
      events.add(
          new OutgoingEvent(
              context.topic(type),
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
              context.topic(GtEventTypes.SERIES_ROUND_SCORED),
              key,
              GtEventMapper.toEvent(watch.key(), watch.label(), change, detectedAt)));
    }
    boolean baseline = prior.driver() == null;
    byte[] state = states.changed(prior, diff.next());
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
