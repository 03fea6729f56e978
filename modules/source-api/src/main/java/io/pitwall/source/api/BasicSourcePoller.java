package io.pitwall.source.api;

import io.pitwall.core.budget.TokenBucket;

/** The identity every source poller shares: its source, batch size and credential budget. */
public abstract class BasicSourcePoller implements SourcePoller {

  private final String source;
  private final int batchSize;
  private final TokenBucket budget;

  protected BasicSourcePoller(String source, int batchSize, TokenBucket budget) {
    this.source = source;
    this.batchSize = batchSize;
    this.budget = budget;
  }

  @Override
  public final String source() {
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
