package io.pitwall.source.api;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import io.pitwall.core.WatchDefinition;
import java.util.List;

/** Turns failures into named outcomes. */
public final class Outcomes {

  private Outcomes() {}

  /** The named outcome of a failure, walking the cause chain. */
  public static PollOutcome of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UpstreamException upstream) {
        return upstream.outcome();
      }
    }
    return PollOutcome.UPSTREAM_ERROR;
  }

  /** The same failure for every watch of a batch. */
  public static List<WatchResult> all(List<WatchDefinition> batch, Throwable e) {
    return batch.stream()
        .map(w -> WatchResult.failed(w, of(e), String.valueOf(e.getMessage())))
        .toList();
  }
}
