package io.pitwall.events.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pitwall.events.TrophyEarned;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the client sets a subject's compatibility, against an HTTP server on the loopback that
 * answers as a registry does when it refuses the level (Apicurio, which the ITs run, accepts it):
 * the error names the subject and never the credentials, and no schema is registered without the
 * level.
 */
class SubjectCompatibilityRefusalTest {

  private static final String SUBJECT = "pitwall.psn.trophy-earned-value";
  private static final String USER_INFO = "pitwall:s3cr3t-registry-pass";

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile int configStatus = 200;
  private volatile String configAnswer = "{\"compatibility\":\"FULL_TRANSITIVE\"}";
  private final HttpServer server = start();

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldNameTheSubjectAndNoSecretWhenTheRegistryRefusesTheLevel() {
    configStatus = 403;
    configAnswer =
        "{\"error_code\":40301,\"message\":\"User is denied operation AlterConfigs on Subject: "
            + SUBJECT
            + "\"}";

    assertThatThrownBy(() -> client().register(SUBJECT, TrophyEarned.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessage(
            "Could not set compatibility FULL_TRANSITIVE on subject "
                + SUBJECT
                + ": registry answered 403 User is denied operation AlterConfigs on Subject: "
                + SUBJECT)
        .satisfies(e -> assertThat(((SchemaRegistryException) e).isRetriable()).isFalse())
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("s3cr3t").doesNotContain(base64()));
    assertThat(requests).containsExactly("PUT /config/" + SUBJECT);
  }

  @Test
  void shouldRefuseARegistryThatAnswersWithAnotherLevel() {
    configAnswer = "{\"compatibility\":\"BACKWARD\"}";

    assertThatThrownBy(() -> client().register(SUBJECT, TrophyEarned.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessage(
            "Could not set compatibility FULL_TRANSITIVE on subject "
                + SUBJECT
                + ": registry answered compatibility BACKWARD");
    assertThat(requests).containsExactly("PUT /config/" + SUBJECT);
  }

  @Test
  void shouldSetTheLevelBeforeTheFirstRegistrationAndAgainOnlyAfterAReconfirm() {
    ConfluentRestRegistryClient client = client();

    client.register(SUBJECT, TrophyEarned.getClassSchema());
    client.register(SUBJECT, TrophyEarned.getClassSchema());
    assertThat(requests)
        .containsExactly("PUT /config/" + SUBJECT, "POST /subjects/" + SUBJECT + "/versions");

    client.reconfirm();
    client.register(SUBJECT, TrophyEarned.getClassSchema());
    assertThat(requests)
        .containsExactly(
            "PUT /config/" + SUBJECT,
            "POST /subjects/" + SUBJECT + "/versions",
            "PUT /config/" + SUBJECT,
            "POST /subjects/" + SUBJECT + "/versions");
  }

  private ConfluentRestRegistryClient client() {
    return new ConfluentRestRegistryClient(
        "http://127.0.0.1:" + server.getAddress().getPort(),
        Duration.ofSeconds(5),
        RegistryAccess.of(USER_INFO, null, null, null, "PKCS12"));
  }

  private static String base64() {
    return Base64.getEncoder().encodeToString(USER_INFO.getBytes(StandardCharsets.UTF_8));
  }

  private HttpServer start() {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      http.createContext("/", this::answer);
      http.start();
      return http;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(exchange.getRequestMethod() + " " + path);
    exchange.getRequestBody().readAllBytes();
    int status;
    String body;
    if (path.startsWith("/config/")) {
      status = configStatus;
      body = configAnswer;
    } else if (path.endsWith("/versions")) {
      status = 200;
      body = "{\"id\":7}";
    } else {
      status = 404;
      body = "{\"error_code\":404,\"message\":\"not here\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
