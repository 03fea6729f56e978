package io.pitwall.core;

/**
 * An upstream request or poll failed with a named outcome. Messages never contain credentials: they
 * name the endpoint and what went wrong.
 */
public class UpstreamException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final PollOutcome outcome;

  /**
   * @param outcome the named outcome for the watch
   * @param message what failed, without secrets
   * @param cause the underlying failure, or null
   */
  public UpstreamException(PollOutcome outcome, String message, Throwable cause) {
    super(message, cause);
    this.outcome = outcome;
  }

  /** The outcome for the watch. */
  public PollOutcome outcome() {
    return outcome;
  }

  /** Whether trying again later may help. */
  public boolean isRetriable() {
    return outcome == PollOutcome.RATE_LIMITED || outcome == PollOutcome.UPSTREAM_ERROR;
  }
}
