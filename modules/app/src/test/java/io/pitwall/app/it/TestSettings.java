package io.pitwall.app.it;

import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestSchemaRegistry;
import java.util.HashMap;
import java.util.Map;

/** Engine settings pointing at the test broker, the test registry and a simulator. */
public final class TestSettings {

  private TestSettings() {}

  /**
   * Fast polling of the scenario account with ample budgets, topics under {@code prefix}, any free
   * metrics port.
   */
  public static Map<String, String> scenario(Simulator simulator, String prefix) {
    Map<String, String> settings = new HashMap<>();
    settings.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
    settings.put("schema.registry.url", TestSchemaRegistry.url());
    settings.put("topic.prefix", prefix);
    settings.put("psn.base.url", simulator.psnBaseUrl());
    settings.put("psn.auth.base.url", simulator.psnAuthBaseUrl());
    settings.put("psn.npsso", TrophyScenarios.NPSSO);
    settings.put("poll.interval", "PT0.5S");
    // budgets far above what a test spends: the simulator's own limits still apply
    settings.put("psn.budget.requests", "100000");
    settings.put("gridstats.budget.requests", "100000");
    settings.put("gt.budget.requests", "10000");
    settings.put("metrics.port", "0");
    settings.put("watch.1", "psn:" + TrophyScenarios.ACCOUNT);
    return settings;
  }
}
