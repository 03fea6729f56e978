package io.pitwall.source.gridstats;

import static io.pitwall.source.gridstats.GridstatsSimulator.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.core.budget.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pool's catalog does not depend on its first key. */
class GridstatsCatalogTest {

  private final GridstatsSimulator sim = new GridstatsSimulator(1000);

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void shouldNameThroughTheSecondKeyWhenTheFirstIsRevoked() throws Exception {
    sim.world.faults().revoke(GridstatsSimulator.FIRST);
    GridstatsCatalog catalog = catalog(Duration.ofSeconds(10));

    assertThat(await(catalog.manufacturer(17))).contains("Mazda");
    assertThat(await(catalog.car("3253"))).contains("Mazda RX-Vision GT3 Concept");

    assertThat(sim.simulator.requestLog().matching(e -> e.status() == 401))
        .as("the revoked key costs one refused request, then the pool keeps to the healthy one")
        .hasSize(1);
  }

  @Test
  void shouldNameThroughTheSecondKeyWhenTheFirstHangs() throws Exception {
    sim.world.faults().hangKey(GridstatsSimulator.FIRST);
    GridstatsCatalog catalog = catalog(Duration.ofSeconds(1));

    assertThat(await(catalog.manufacturer(78))).contains("Ferrari");
    assertThat(await(catalog.car("car1544"))).contains("Ferrari 430 Scuderia '07");
  }

  @Test
  void shouldFailOnlyWhenEveryKeyFails() throws Exception {
    sim.world.faults().revoke(GridstatsSimulator.FIRST);
    sim.world.faults().revoke(GridstatsSimulator.SECOND);
    GridstatsCatalog catalog = catalog(Duration.ofSeconds(10));

    assertThat(catalog.manufacturer(17).toCompletionStage().toCompletableFuture())
        .failsWithin(Duration.ofSeconds(30))
        .withThrowableThat()
        .withMessageContaining("gtgridstats refused the API key (401)");

    sim.world.faults().unrevoke(GridstatsSimulator.SECOND);
    assertThat(await(catalog.manufacturer(17)))
        .as("a failed fetch is forgotten, so the next lookup tries again")
        .isEqualTo(Optional.of("Mazda"));
  }

  @Test
  void shouldFetchTheManufacturerListOncePerRefreshPeriod() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    GridstatsCatalog catalog = catalog(Duration.ofSeconds(10), clock, 100);

    assertThat(await(catalog.manufacturer(17))).contains("Mazda");
    assertThat(await(catalog.manufacturer(78))).contains("Ferrari");
    assertThat(await(catalog.manufacturer(1))).isEmpty();
    assertThat(requests("/api/assets/manufacturers/en"))
        .as("one list serves every id")
        .isEqualTo(1);

    clock.advance(Duration.ofDays(1).plusSeconds(1));
    assertThat(await(catalog.manufacturer(17))).contains("Mazda");
    assertThat(requests("/api/assets/manufacturers/en"))
        .as("after the refresh period the list is fetched again")
        .isEqualTo(2);
  }

  @Test
  void shouldShareOneFetchAndKeepUnknownCarsUntilTheRefreshPeriodEnds() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    GridstatsCatalog catalog = catalog(Duration.ofSeconds(10), clock, 100);

    var first = catalog.car("car1544");
    var second = catalog.car("car1544");
    assertThat(await(first)).contains("Ferrari 430 Scuderia '07");
    assertThat(await(second)).contains("Ferrari 430 Scuderia '07");
    assertThat(await(catalog.car("car9999"))).isEmpty();
    assertThat(await(catalog.car("car9999"))).isEmpty();
    assertThat(requests("/api/assets/cars/car1544/en"))
        .as("concurrent lookups share one")
        .isEqualTo(1);
    assertThat(requests("/api/assets/cars/car9999/en"))
        .as("an unknown car is kept too")
        .isEqualTo(1);

    clock.advance(Duration.ofDays(1).plusSeconds(1));
    assertThat(await(catalog.car("car9999"))).isEmpty();
    assertThat(requests("/api/assets/cars/car9999/en"))
        .as("after the refresh period it is asked again")
        .isEqualTo(2);
  }

  @Test
  void shouldHoldNoMoreCarsThanItsBound() throws Exception {
    GridstatsCatalog catalog =
        catalog(Duration.ofSeconds(10), new MutableClock(Instant.parse("2026-01-01T00:00:00Z")), 3);

    for (int i = 0; i < 10; i++) {
      assertThat(await(catalog.car("car" + (2000 + i)))).isPresent();
    }
    assertThat(catalog.cars()).isLessThanOrEqualTo(3);
  }

  private long requests(String path) {
    return sim.simulator.requestLog().matching(e -> e.path().equals(path)).size();
  }

  private GridstatsCatalog catalog(Duration timeout) {
    return catalog(timeout, Clock.systemUTC(), GridstatsCatalog.MAX_CARS);
  }

  private GridstatsCatalog catalog(Duration timeout, Clock clock, long maxCars) {
    return new GridstatsCatalog(
        List.of(
            sim.client(GridstatsSimulator.FIRST, GridstatsSimulator.budget(), timeout),
            sim.client(GridstatsSimulator.SECOND, GridstatsSimulator.budget(), timeout)),
        "en",
        Duration.ofDays(1),
        clock,
        maxCars);
  }
}
