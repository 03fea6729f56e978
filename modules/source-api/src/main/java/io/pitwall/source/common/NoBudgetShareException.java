package io.pitwall.source.common;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.UpstreamException;

/**
 * A request refused because this instance holds no share of the credential's budget: the fleet gave
 * the credential's budget to the instances that own its watches. It is {@code RATE_LIMITED} like
 * any refusal for want of a token, but waiting here cannot help until the fleet's shares change, so
 * a caller that only needs the request for something optional (the gtgridstats catalog naming the
 * cars of a GT Sport event) should go on without it rather than retry.
 */
public final class NoBudgetShareException extends UpstreamException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was refused, without secrets
   */
  public NoBudgetShareException(String message) {
    super(PollOutcome.RATE_LIMITED, message, null);
  }

  /** Whether {@code failure} or one of its causes is a refusal for want of a share. */
  public static boolean isIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NoBudgetShareException) {
        return true;
      }
    }
    return false;
  }
}
