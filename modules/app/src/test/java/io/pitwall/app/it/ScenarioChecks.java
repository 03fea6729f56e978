package io.pitwall.app.it;

import io.pitwall.events.TrophyEarned;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.TrophyEarnedFact;
import io.pitwall.testkit.TestSchemaRegistry;
import io.pitwall.testkit.TestTopics;
import java.util.List;

/** Reads the published events back and puts them in the same terms as the simulator's truth. */
final class ScenarioChecks {

  private ScenarioChecks() {}

  /** Every committed TrophyEarned of a topic, decoded through the registry. */
  static List<TrophyEarned> committedEvents(String topic) {
    AvroWireCodec codec =
        new AvroWireCodec(new ConfluentRestRegistryClient(TestSchemaRegistry.url()));
    return TestTopics.readCommitted(topic).stream()
        .map(r -> (TrophyEarned) codec.decode(r.value()))
        .toList();
  }

  /** Every committed GT event (rating and round changes) under a topic prefix, decoded. */
  static List<org.apache.avro.specific.SpecificRecord> gtEvents(String prefix) {
    AvroWireCodec codec =
        new AvroWireCodec(new ConfluentRestRegistryClient(TestSchemaRegistry.url()));
    List<org.apache.avro.specific.SpecificRecord> events = new java.util.ArrayList<>();
    for (io.pitwall.source.api.EventType type :
        List.of(
            io.pitwall.gt.GtEventTypes.DR_CLASS_CHANGED,
            io.pitwall.gt.GtEventTypes.SAFETY_RATING_CHANGED,
            io.pitwall.gt.GtEventTypes.SERIES_ROUND_SCORED)) {
      TestTopics.readCommitted(type.topic(prefix))
          .forEach(r -> events.add(codec.decode(r.value())));
    }
    return events;
  }

  /** An event as {@code account title#trophy@earnedAt}. */
  static String describe(TrophyEarned event) {
    return event.getEnvelope().getAccountId()
        + " "
        + event.getNpCommunicationId()
        + "#"
        + event.getTrophyId()
        + "@"
        + event.getEnvelope().getEventTime();
  }

  /** The world's ground truth from fact {@code mark} on, each fact in {@link #describe} form. */
  static List<String> truthSince(PsnWorld world, int mark) {
    List<TrophyEarnedFact> facts = world.groundTruth();
    return facts.subList(mark, facts.size()).stream().map(ScenarioChecks::describe).toList();
  }

  /** A ground-truth fact in the same form. */
  static String describe(TrophyEarnedFact fact) {
    return fact.accountId()
        + " "
        + fact.npCommunicationId()
        + "#"
        + fact.trophyId()
        + "@"
        + fact.earnedAt();
  }
}
