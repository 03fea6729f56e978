package io.pitwall.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pitwall status}: a running engine's health, per source and per watch. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show a running engine's health (its /health document): exit 0 when UP or DEGRADED, 1 when DOWN, 3 when unreachable.")
public final class StatusCommand implements Callable<Integer> {

  @Option(
      names = "--url",
      defaultValue = "http://localhost:${env:PITWALL_METRICS_PORT:-9404}",
      description =
          "The engine's metrics server (default: http://localhost:$PITWALL_METRICS_PORT, port 9404)")
  String url;

  @Override
  public Integer call() throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/health"))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
      System.out.println(response.body());
      return response.statusCode() == 200 ? 0 : 1;
    } catch (IOException e) {
      System.err.println("No engine answered at " + url + ": " + e.getClass().getSimpleName());
      return 3;
    }
  }
}
