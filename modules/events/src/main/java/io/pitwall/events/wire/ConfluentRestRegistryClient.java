package io.pitwall.events.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, which Confluent
 * Schema Registry, Apicurio ({@code /apis/ccompat/v7}), Karapace and Redpanda all serve. Ids and
 * schemas are cached: each subject/schema pair and each id costs one request per process.
 *
 * <p>A registry that restarts <em>without</em> its storage issues ids from 1 again, so a cached id
 * can come to name another schema. After the registry failed to answer (and whenever {@link
 * #reconfirm()} is called, e.g. by a periodic probe) every cached id is confirmed by registering
 * its schema again before it is used; an id that changed is logged as a WARN, counted ({@link
 * #idChanges()}) and replaced, so that no record is framed with an id that resolves to another
 * schema.
 *
 * <p>Every subject Pitwall registers under gets the compatibility level {@value #COMPATIBILITY}
 * ({@code PUT config/<subject>}) before its schema is registered, once per subject and confirmation
 * round: the registry then refuses a schema that old readers or new readers of any earlier version
 * could not read, as the build's {@code SchemaGuard} does for released versions.
 */
public final class ConfluentRestRegistryClient implements SchemaRegistryClient {

  /**
   * The compatibility level of every subject Pitwall registers: each new version is compatible both
   * ways with every earlier one (old readers read new events, new readers read old events).
   */
  public static final String COMPATIBILITY = "FULL_TRANSITIVE";

  private static final Logger LOG = LoggerFactory.getLogger(ConfluentRestRegistryClient.class);

  /** A registered id, and the confirmation round it was last confirmed in. */
  private record CachedId(int id, long round) {}

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final String authorization;
  private final Map<String, Map<Schema, CachedId>> idsBySubject = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Long> compatibilityRounds = new ConcurrentHashMap<>();
  private final AtomicLong round = new AtomicLong();
  private final AtomicLong idChanges = new AtomicLong();

  /**
   * @param baseUrl the registry's Confluent-compatible base URL, e.g. http://localhost:8081 or
   *     http://localhost:8080/apis/ccompat/v7
   */
  public ConfluentRestRegistryClient(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(10));
  }

  /**
   * @param baseUrl the registry's Confluent-compatible base URL
   * @param requestTimeout the limit on each request
   */
  public ConfluentRestRegistryClient(String baseUrl, Duration requestTimeout) {
    this(baseUrl, requestTimeout, RegistryAccess.NONE);
  }

  /**
   * @param baseUrl the registry's Confluent-compatible base URL
   * @param requestTimeout the limit on each request
   * @param access authentication and TLS trust
   */
  public ConfluentRestRegistryClient(
      String baseUrl, Duration requestTimeout, RegistryAccess access) {
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.baseUrl = URI.create(trimmed + "/");
    this.requestTimeout = requestTimeout;
    this.authorization = access.authorization();
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(requestTimeout);
    if (access.sslContext() != null) {
      builder.sslContext(access.sslContext());
    }
    this.http = builder.build();
  }

  /**
   * Lists the registry's subjects: a cheap request that shows whether it answers and accepts
   * Pitwall's credentials.
   *
   * @throws SchemaRegistryException when it does not (with the status, 401/403 for refused
   *     credentials)
   */
  public void ping() {
    send(request("subjects").GET().build(), "list subjects");
  }

  @Override
  public int register(String subject, Schema schema) {
    Map<Schema, CachedId> ids =
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    long current = round.get();
    CachedId cached = ids.get(schema);
    if (cached != null && cached.round() == current) {
      return cached.id();
    }
    requireCompatibility(subject, current);
    String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
    HttpRequest request =
        request("subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", CONTENT_TYPE)
            .build();
    JsonNode answer;
    try {
      answer = send(request, "register schema " + schema.getFullName() + " under " + subject);
    } catch (SchemaRegistryException e) {
      if (e.status() == 409) {
        throw new SchemaRegistryException(
            "The schema registry refused "
                + schema.getFullName()
                + " under subject "
                + subject
                + ": it is not "
                + COMPATIBILITY
                + " compatible with the versions registered there before (a subject written by"
                + " Pitwall 0.1 must be deleted, or Pitwall given a new topic.prefix). "
                + e.getMessage(),
            409,
            null);
      }
      throw e;
    }
    int id = requiredInt(answer, "id", "register " + subject);
    if (cached != null && cached.id() != id) {
      idChanges.incrementAndGet();
      schemasById.remove(cached.id());
      LOG.warn(
          "The schema registry at {} re-issued schema ids (restarted without its storage?): {}"
              + " under {} was id {} and is now id {}. Records already written with id {} now"
              + " resolve to another schema for every consumer; run the registry with durable"
              + " storage.",
          baseUrl,
          schema.getFullName(),
          subject,
          cached.id(),
          id,
          cached.id());
    }
    ids.put(schema, new CachedId(id, current));
    schemasById.put(id, schema);
    return id;
  }

  /**
   * Sets {@code subject}'s compatibility to {@value #COMPATIBILITY} unless this round already did.
   * A subject that does not exist yet takes the level too (Confluent and Apicurio accept that), so
   * every version after the first is checked.
   *
   * @throws SchemaRegistryException naming the subject when the registry refuses
   */
  private void requireCompatibility(String subject, long current) {
    Long done = compatibilityRounds.get(subject);
    if (done != null && done == current) {
      return;
    }
    String what = "set compatibility " + COMPATIBILITY + " on subject " + subject;
    HttpRequest request =
        request("config/" + URLEncoder.encode(subject, StandardCharsets.UTF_8))
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    JSON.createObjectNode().put("compatibility", COMPATIBILITY).toString()))
            .header("Content-Type", CONTENT_TYPE)
            .build();
    JsonNode answer = send(request, what);
    JsonNode level = answer.get("compatibility");
    if (level != null && !COMPATIBILITY.equals(level.asText())) {
      throw new SchemaRegistryException(
          "Could not " + what + ": registry answered compatibility " + level.asText(), 200, null);
    }
    compatibilityRounds.put(subject, current);
  }

  /**
   * The compatibility level the registry applies to {@code subject} ({@code GET config/<subject>}),
   * e.g. {@value #COMPATIBILITY} once Pitwall registered under it.
   *
   * @throws SchemaRegistryException naming the subject when the registry has none for it (404) or
   *     cannot be reached
   */
  public String compatibility(String subject) {
    String what = "read the compatibility of subject " + subject;
    JsonNode answer =
        send(
            request("config/" + URLEncoder.encode(subject, StandardCharsets.UTF_8)).GET().build(),
            what);
    JsonNode level =
        answer.has("compatibilityLevel")
            ? answer.get("compatibilityLevel")
            : answer.get("compatibility");
    if (level == null || !level.isTextual()) {
      throw new SchemaRegistryException(
          "Could not " + what + ": registry answer names no compatibility level", 200, null);
    }
    return level.asText();
  }

  /**
   * Makes every cached id be confirmed with the registry before its next use, and each subject's
   * compatibility be set again (a registry restarted without its storage lost both): call it when
   * the registry may have restarted (it was unreachable, or periodically).
   */
  public void reconfirm() {
    round.incrementAndGet();
  }

  /** How many cached ids the registry was found to have re-issued for another schema. */
  public long idChanges() {
    return idChanges.get();
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send(request("schemas/ids/" + id).GET().build(), "fetch schema id " + id);
    JsonNode schemaType = answer.get("schemaType");
    if (schemaType != null && !"AVRO".equals(schemaType.asText())) {
      throw new SchemaRegistryException(
          "Schema id " + id + " is of type " + schemaType.asText() + ", not AVRO", 200, null);
    }
    JsonNode text = answer.get("schema");
    if (text == null || !text.isTextual()) {
      throw new SchemaRegistryException(
          "Registry answer for schema id " + id + " has no schema text", 200, null);
    }
    Schema schema = new Schema.Parser().parse(text.asText());
    schemasById.putIfAbsent(id, schema);
    return schema;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .timeout(requestTimeout)
            .header("Accept", CONTENT_TYPE + ", application/json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private JsonNode send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      reconfirm();
      throw new SchemaRegistryException(
          "Could not " + what + ": registry at " + baseUrl + " unreachable (" + e + ")", -1, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted while trying to " + what, -1, e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 == 5) {
      reconfirm();
    }
    if (response.statusCode() / 100 != 2) {
      String detail =
          body != null && body.has("message") ? body.get("message").asText() : response.body();
      throw new SchemaRegistryException(
          "Could not " + what + ": registry answered " + response.statusCode() + " " + detail,
          response.statusCode(),
          null);
    }
    if (body == null) {
      throw new SchemaRegistryException(
          "Could not " + what + ": registry answered with a body that is not JSON",
          response.statusCode(),
          null);
    }
    return body;
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static int requiredInt(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new SchemaRegistryException(
          "Could not " + what + ": registry answer has no integer '" + field + "'", 200, null);
    }
    return value.asInt();
  }
}
