package io.pitwall.simulator.psn;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * An error answer in PSN's shape: {@code {"error": {"referenceId", "code", "message"}}}. The codes
 * 2240525, 2240526 and 2281473 are the real service's (recorded traffic); the others are the
 * simulator's choice, since neither the docs nor the recordings show them.
 */
final class PsnError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final int code;

  private PsnError(int status, int code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static PsnError notFound() {
    return new PsnError(404, 2240525, "Resource not found");
  }

  static PsnError forbidden() {
    return new PsnError(403, 2240526, "Not permitted by access control");
  }

  static PsnError badQuery(String parameter) {
    return new PsnError(400, 2240512, "Bad Request (query: " + parameter + ")");
  }

  static PsnError badProfileQuery(String parameter) {
    return new PsnError(400, 2281473, "Bad Request (query: " + parameter + ")");
  }

  static PsnError invalidToken() {
    return new PsnError(401, 2241025, "Invalid token");
  }

  static PsnError tooManyRequests() {
    return new PsnError(429, 2241153, "Too Many Requests");
  }

  JsonObject body() {
    return new JsonObject()
        .put(
            "error",
            new JsonObject()
                .put("referenceId", UUID.randomUUID().toString())
                .put("code", code)
                .put("message", getMessage()));
  }
}
