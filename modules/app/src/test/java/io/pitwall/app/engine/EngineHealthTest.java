package io.pitwall.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.kafka.Availability;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineHealthTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void shouldBeUpWithKafkaAndAnsweringRegistry() {
    HttpServer registry =
        vertx
            .createHttpServer()
            .requestHandler(
                r ->
                    r.response()
                        .setStatusCode(r.path().endsWith("/subjects") ? 200 : 404)
                        .end("[]"))
            .listen(0)
            .await();
    try (EngineHealth health = health("http://127.0.0.1:" + registry.actualPort(), kafka())) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> "UP".equals(health.document().getString("registry")));
      assertThat(health.document().getString("status")).isEqualTo("UP");
    }
  }

  @Test
  void shouldBeDegradedWhileTheRegistryDoesNotAnswerAndDownButLiveWithoutKafka() {
    Availability kafka = kafka();
    try (EngineHealth health = health("http://127.0.0.1:1/apis/ccompat/v7", kafka)) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> "DOWN".equals(health.document().getString("registry")));
      JsonObject document = health.document();
      assertThat(document.getString("status")).isEqualTo("DEGRADED");
      assertThat(document.getString("kafka")).isEqualTo("UP");

      assertThat(health.ready()).isTrue();

      kafka.down("probe", "the cluster did not describe itself within 5 s");
      assertThat(health.document().getString("status")).isEqualTo("DOWN");
      assertThat(health.document().getString("kafka")).isEqualTo("DOWN");
      assertThat(health.document().getString("kafkaReason")).contains("did not describe itself");
      assertThat(health.ready()).as("not ready while Kafka is away").isFalse();
      assertThat(health.live()).as("but live: it recovers by itself").isTrue();

      kafka.up("probe");
      assertThat(health.ready()).isTrue();
      assertThat(health.document().getString("kafka")).isEqualTo("UP");
    }
  }

  @Test
  void shouldNameASourcesStateFromItsWatches() {
    assertThat(EngineHealth.state(List.of(), false)).isEqualTo("IDLE");
    assertThat(EngineHealth.state(List.of("OK", "PENDING"), true)).isEqualTo("RATE_LIMITED");
    assertThat(EngineHealth.state(List.of("AUTH_EXPIRED", "AUTH_EXPIRED", "PENDING"), false))
        .isEqualTo("AUTH_EXPIRED");
    assertThat(EngineHealth.state(List.of("OK", "NOT_FOUND"), false)).isEqualTo("UP");
    assertThat(EngineHealth.state(List.of("PRIVATE", "NOT_FOUND"), false)).isEqualTo("UP");
    assertThat(EngineHealth.state(List.of("PRIVATE", "PRIVATE"), false)).isEqualTo("UP");
    assertThat(EngineHealth.state(List.of("UPSTREAM_ERROR"), false)).isEqualTo("UPSTREAM_ERROR");
    assertThat(EngineHealth.state(List.of("PENDING"), false)).isEqualTo("UP");
  }

  private static Availability kafka() {
    return new Availability("Kafka", Clock.systemUTC());
  }

  private EngineHealth health(String registryUrl, Availability kafka) {
    return new EngineHealth(
        vertx,
        java.util.Map.of(),
        new PollingViews(4),
        null,
        Clock.systemUTC(),
        new EngineHealth.Dependencies(
            kafka,
            new Availability("registry", Clock.systemUTC()),
            () -> true,
            () -> 0,
            io.vertx.core.json.JsonObject::new,
            () -> new io.pitwall.events.wire.ConfluentRestRegistryClient(registryUrl).ping()));
  }
}
