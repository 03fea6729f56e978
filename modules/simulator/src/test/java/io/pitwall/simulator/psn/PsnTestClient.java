package io.pitwall.simulator.psn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.simulator.Simulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain HTTP client for the simulator's PSN endpoints, as a test would use it by hand. */
final class PsnTestClient {

  static final String CLIENT_BASIC =
      "Basic MDk1MTUxNTktNzIzNy00MzcwLTliNDAtMzgwNmU2N2MwODkxOnVjUGprYTV0bnRCMktxc1A=";
  static final String AUTHORIZE_QUERY =
      "access_type=offline&client_id=09515159-7237-4370-9b40-3806e67c0891&response_type=code"
          + "&scope=psn%3Amobile.v2.core+psn%3Aclientapp&redirect_uri=com.scee.psxandroid.scecompcall%3A%2F%2Fredirect";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One answer: status, headers and the parsed body (null when empty or not JSON). */
  record Answer(int status, HttpResponse<String> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final Simulator simulator;

  PsnTestClient(Simulator simulator) {
    this.simulator = simulator;
  }

  Answer get(String pathAndQuery, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(simulator.baseUrl() + pathAndQuery));
    headers.forEach(request::header);
    return send(request.GET().build());
  }

  Answer get(String pathAndQuery, String accessToken) {
    return get(pathAndQuery, Map.of("Authorization", "Bearer " + accessToken));
  }

  Answer postForm(String path, String form, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded");
    headers.forEach(request::header);
    return send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /** Redirect location of the authorize call with this npsso cookie. */
  Answer authorize(String npsso) {
    return get(
        PsnAuthApi.PREFIX + "/authorize?" + AUTHORIZE_QUERY, Map.of("Cookie", "npsso=" + npsso));
  }

  /** The code in an authorize redirect. */
  static String code(Answer authorize) {
    String location = authorize.header("Location");
    return TrafficImporter.query(
            URI.create(location.replace("com.scee.psxandroid.scecompcall://redirect/", "http://x/"))
                .getRawQuery())
        .get("code");
  }

  Answer exchange(String code) {
    return postForm(
        PsnAuthApi.PREFIX + "/token",
        "code="
            + code
            + "&grant_type=authorization_code&redirect_uri=com.scee.psxandroid.scecompcall%3A%2F%2Fredirect&token_format=jwt",
        Map.of("Authorization", CLIENT_BASIC));
  }

  Answer refresh(String refreshToken) {
    return postForm(
        PsnAuthApi.PREFIX + "/token",
        "refresh_token="
            + refreshToken
            + "&grant_type=refresh_token&scope=psn%3Amobile.v2.core+psn%3Aclientapp&token_format=jwt",
        Map.of("Authorization", CLIENT_BASIC));
  }

  /** Signs in with an npsso and returns the token answer's JSON. */
  JsonNode signIn(String npsso) {
    Answer token = exchange(code(authorize(npsso)));
    if (token.status() != 200) {
      throw new IllegalStateException(
          "sign-in failed: " + token.status() + " " + token.raw().body());
    }
    return token.json();
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      String body = response.body();
      if (body != null && !body.isBlank()) {
        try {
          json = JSON.readTree(body);
        } catch (IOException notJson) {
          json = null;
        }
      }
      return new Answer(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
