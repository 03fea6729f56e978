package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Searches everything an engine exposes for credentials: its output, every topic of its prefix
 * (events, statuses, the DLQ and the state, keys, values and headers), /metrics and /health.
 */
final class SecretScan {

  private static final Pattern METRICS_PORT = Pattern.compile("metrics on port (\\d+)");

  private SecretScan() {}

  /** The metrics port a running engine logged, or -1. */
  static int metricsPort(String output) {
    Matcher m = METRICS_PORT.matcher(output);
    int port = -1;
    while (m.find()) {
      port = Integer.parseInt(m.group(1));
    }
    return port;
  }

  /** What a running engine serves on /metrics, /health, /health/live and /health/ready. */
  static List<String> endpoints(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<String> bodies = new ArrayList<>();
    for (String path : List.of("/metrics", "/health", "/health/live", "/health/ready")) {
      bodies.add(
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body());
    }
    assertThat(bodies.get(0)).contains("pitwall_polls_total");
    return bodies;
  }

  /** Every record of every topic whose name starts with the prefix, as text (ISO-8859-1). */
  static List<String> topics(String prefix) throws Exception {
    Set<String> names;
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    }
    List<String> texts = new ArrayList<>();
    int topics = 0;
    for (String topic : names) {
      if (!topic.startsWith(prefix)) {
        continue;
      }
      topics++;
      for (ConsumerRecord<String, byte[]> r : TestTopics.readCommitted(topic)) {
        StringBuilder text = new StringBuilder(topic).append(' ').append(r.key()).append(' ');
        if (r.value() != null) {
          text.append(new String(r.value(), StandardCharsets.ISO_8859_1));
        }
        for (Header h : r.headers()) {
          text.append(' ').append(h.key()).append('=');
          text.append(new String(h.value(), StandardCharsets.ISO_8859_1));
        }
        texts.add(text.toString());
      }
    }
    assertThat(topics).as("topics of %s", prefix).isGreaterThanOrEqualTo(8);
    return texts;
  }

  /** Asserts that no text contains any of the secrets. */
  static void assertNone(List<String> secrets, List<String> texts, String where) {
    for (String text : texts) {
      for (String secret : secrets) {
        assertThat(text).as("%s must not contain a credential", where).doesNotContain(secret);
      }
    }
  }
}
