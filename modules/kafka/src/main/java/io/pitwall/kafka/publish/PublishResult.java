package io.pitwall.kafka.publish;

import java.util.Set;

/**
 * What a committed batch published.
 *
 * @param events events committed
 * @param dropped watch keys whose events and state were dropped because the watch was removed while
 *     it was being polled
 */
public record PublishResult(int events, Set<String> dropped) {

  public PublishResult {
    dropped = Set.copyOf(dropped);
  }
}
