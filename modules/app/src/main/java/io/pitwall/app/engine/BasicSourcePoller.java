package io.pitwall.app.engine;

import io.pitwall.core.Source;
import io.pitwall.core.budget.TokenBucket;

/** The identity every source poller shares: its source, batch size and credential budget. */
abstract class BasicSourcePoller implements SourcePoller {

  private final Source source;
  private final int batchSize;
  private final TokenBucket budget;

  BasicSourcePoller(Source source, int batchSize, TokenBucket budget) {
    this.source = source;
    this.batchSize = batchSize;
    this.budget = budget;
  }

  @Override
  public final Source source() {
    return source;
  }

  @Override
  public final int batchSize() {
    return batchSize;
  }

  @Override
  public final TokenBucket budget() {
    return budget;
  }
}
