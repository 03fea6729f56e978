package io.pitwall.app.engine;

import io.pitwall.app.config.WatchSpec;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;
import java.util.List;

/** Turns failures into named outcomes. */
final class Outcomes {

  private Outcomes() {}

  /** The named outcome of a failure, walking the cause chain. */
  static PollOutcome of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UpstreamException upstream) {
        return upstream.outcome();
      }
    }
    return PollOutcome.UPSTREAM_ERROR;
  }

  /** The same failure for every watch of a batch. */
  static List<WatchResult> all(List<WatchSpec> batch, Throwable e) {
    return batch.stream()
        .map(w -> WatchResult.failed(w, of(e), String.valueOf(e.getMessage())))
        .toList();
  }
}
