package io.pitwall.events.schema;

import io.pitwall.events.DrClassChanged;
import io.pitwall.events.SafetyRatingChanged;
import io.pitwall.events.SeriesRoundScored;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.WatchStatusChanged;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Today's event schemas as fixtures for the guard's own tests. The build check itself (in the app
 * module) holds the installed plugins' declared schemas against the released versions.
 */
final class CurrentSchemas {

  private CurrentSchemas() {}

  /** The top-level schema of every event type the three sources and the kernel publish. */
  static List<Schema> all() {
    return List.of(
        TrophyEarned.getClassSchema(),
        DrClassChanged.getClassSchema(),
        SafetyRatingChanged.getClassSchema(),
        WatchStatusChanged.getClassSchema(),
        SeriesRoundScored.getClassSchema());
  }
}
