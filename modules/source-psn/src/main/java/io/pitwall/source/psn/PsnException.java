package io.pitwall.source.psn;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;

/**
 * A PSN request or poll failed with a named outcome. It can never carry a credential: its message
 * and every message of its cause chain pass through {@link SecretRedaction} when it is built, so
 * upstream text quoted in a message (an authorize redirect with its {@code code=}, a token answer)
 * is masked before it can reach a log, a metric or a watch's status reason.
 */
public class PsnException extends UpstreamException {

  private static final long serialVersionUID = 1L;

  /**
   * @param outcome the named outcome for the watch
   * @param message what failed (secrets in it are masked)
   */
  public PsnException(PollOutcome outcome, String message) {
    this(outcome, message, null);
  }

  /**
   * @param outcome the named outcome for the watch
   * @param message what failed (secrets in it are masked)
   * @param cause the underlying failure (kept with its messages masked)
   */
  public PsnException(PollOutcome outcome, String message, Throwable cause) {
    super(outcome, SecretRedaction.redact(message), SecretRedaction.redact(cause));
  }

  /** The failure as a PsnException: itself, or an {@link PollOutcome#UPSTREAM_ERROR} around it. */
  public static PsnException of(Throwable failure) {
    if (failure instanceof PsnException psn) {
      return psn;
    }
    if (failure instanceof io.pitwall.core.UpstreamException named) {
      // e.g. the budget gate's RATE_LIMITED: keep the outcome it named
      return new PsnException(named.outcome(), named.getMessage(), failure);
    }
    return new PsnException(
        PollOutcome.UPSTREAM_ERROR,
        "PSN poll failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage(),
        failure);
  }
}
