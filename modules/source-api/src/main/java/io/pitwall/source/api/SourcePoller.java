package io.pitwall.source.api;

import io.pitwall.core.WatchDefinition;
import io.pitwall.core.budget.TokenBucket;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** Polls the watches of one source, in batches of up to {@link #batchSize()}. */
public interface SourcePoller {

  /** The source it polls. */
  String source();

  /** How many due watches one poll may cover (gtgridstats: up to 16; others 1). */
  int batchSize();

  /** The credential's budget (for scheduling after a 429). */
  TokenBucket budget();

  /**
   * Polls a batch. The result has one entry per watch; a failure of the whole batch is reported as
   * a failed result for each watch, never as an error signal.
   */
  Mono<List<WatchResult>> poll(List<WatchDefinition> batch, Instant detectedAt);
}
