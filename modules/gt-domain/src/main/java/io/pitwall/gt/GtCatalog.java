package io.pitwall.gt;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Names for GT ids, for rating events: the gtgridstats source publishes one (its catalog) for the
 * GT Sport profile source to use when a gtgridstats key is configured.
 */
public interface GtCatalog {

  /** The manufacturer's name, empty when unknown. */
  Future<Optional<String>> manufacturer(int id);

  /** The car's name by internal id, car_code or gt7_code, empty when unknown. */
  Future<Optional<String>> car(String identifier);
}
