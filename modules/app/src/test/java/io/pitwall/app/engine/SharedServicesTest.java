package io.pitwall.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.gt.GtCatalog;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A shared service's calls from another plugin's verticle run on its owner's context. */
class SharedServicesTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void shouldRunACallOnTheOwnersContextAndAnswerOnTheCallers() throws Exception {
    Context owner = vertx.getOrCreateContext();
    Context caller = vertx.getOrCreateContext();
    AtomicReference<Context> ranOn = new AtomicReference<>();
    GtCatalog catalog =
        new GtCatalog() {
          @Override
          public Future<Optional<String>> manufacturer(int id) {
            ranOn.set(Vertx.currentContext());
            return Future.succeededFuture(Optional.of("Mazda"));
          }

          @Override
          public Future<Optional<String>> car(String identifier) {
            return Future.failedFuture(new IllegalStateException("no car " + identifier));
          }
        };
    GtCatalog bridged = SharedServices.bridge(GtCatalog.class, catalog, () -> owner);
    CompletableFuture<Context> answeredOn = new CompletableFuture<>();
    CompletableFuture<String> name = new CompletableFuture<>();
    CompletableFuture<Throwable> refused = new CompletableFuture<>();
    caller.runOnContext(
        v -> {
          bridged
              .manufacturer(7)
              .onSuccess(
                  n -> {
                    answeredOn.complete(Vertx.currentContext());
                    name.complete(n.orElseThrow());
                  });
          bridged.car("x").onFailure(refused::complete);
        });

    assertThat(name.get(10, TimeUnit.SECONDS)).isEqualTo("Mazda");
    assertThat(SharedServices.root(ranOn.get())).isSameAs(owner);
    assertThat(SharedServices.root(answeredOn.get(10, TimeUnit.SECONDS))).isSameAs(caller);
    assertThat(refused.get(10, TimeUnit.SECONDS)).hasMessage("no car x");
  }

  @Test
  void shouldCallDirectlyOnTheOwnersOwnContext() throws Exception {
    Context owner = vertx.getOrCreateContext();
    GtCatalog catalog =
        new GtCatalog() {
          @Override
          public Future<Optional<String>> manufacturer(int id) {
            return Future.succeededFuture(Optional.empty());
          }

          @Override
          public Future<Optional<String>> car(String identifier) {
            return Future.succeededFuture(Optional.empty());
          }
        };
    GtCatalog bridged = SharedServices.bridge(GtCatalog.class, catalog, () -> owner);
    CompletableFuture<Boolean> sameFuture = new CompletableFuture<>();
    owner.runOnContext(v -> sameFuture.complete(bridged.manufacturer(1).isComplete()));
    assertThat(sameFuture.get(10, TimeUnit.SECONDS)).as("no hop on its own context").isTrue();
  }
}
