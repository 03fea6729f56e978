package io.pitwall.simulator.psn;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renders the world as the Trophy API v2 documents it (field names, order and presence rules).
 * Callers hold the {@link PsnWorld} lock while rendering.
 */
final class PsnJson {

  private PsnJson() {}

  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static JsonObject counts(Map<TrophyType, Integer> counts) {
    return new JsonObject()
        .put("bronze", counts.get(TrophyType.BRONZE))
        .put("silver", counts.get(TrophyType.SILVER))
        .put("gold", counts.get(TrophyType.GOLD))
        .put("platinum", counts.get(TrophyType.PLATINUM));
  }

  static List<TrophyDef> earnedOf(List<TrophyDef> trophies, TitleProgress progress) {
    return trophies.stream().filter(t -> progress.earned.containsKey(t.id())).toList();
  }

  /** Percentage of points earned, as PSN's progress: earned grade points over defined ones. */
  static int progressPercent(List<TrophyDef> defined, TitleProgress progress) {
    int total = defined.stream().mapToInt(t -> t.type().points()).sum();
    if (total == 0) {
      return 0;
    }
    int earned = earnedOf(defined, progress).stream().mapToInt(t -> t.type().points()).sum();
    return earned * 100 / total;
  }

  static Instant lastEarned(List<TrophyDef> trophies, TitleProgress progress) {
    return trophies.stream()
        .map(t -> progress.earned.get(t.id()))
        .filter(java.util.Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /** An entry of {@code trophyTitles}. */
  static JsonObject titleListEntry(TitleDef title, TitleProgress progress) {
    JsonObject json =
        new JsonObject()
            .put("npServiceName", title.serviceName())
            .put("npCommunicationId", title.npCommunicationId())
            .put("trophySetVersion", title.trophySetVersion())
            .put("trophyTitleName", title.name());
    if (title.legacy() && title.detail() != null) {
      json.put("trophyTitleDetail", title.detail());
    }
    return json.put("trophyTitleIconUrl", title.iconUrl())
        .put("trophyTitlePlatform", title.platform())
        .put("hasTrophyGroups", title.hasTrophyGroups())
        .put("trophyGroupCount", title.groups().size())
        .put("definedTrophies", counts(TitleDef.countByType(title.trophies())))
        .put("progress", progressPercent(title.trophies(), progress))
        .put("earnedTrophies", counts(TitleDef.countByType(earnedOf(title.trophies(), progress))))
        .put("hiddenFlag", progress.hidden)
        .put("lastUpdatedDateTime", time(progress.lastUpdated));
  }

  /** A trophy of the title metadata endpoint, in {@code language}. */
  static JsonObject trophyMetadata(TitleDef title, TrophyDef trophy, String language) {
    LocalizedText text = trophy.text(language);
    JsonObject json =
        new JsonObject()
            .put("trophyId", trophy.id())
            .put("trophyHidden", trophy.hidden())
            .put("trophyType", trophy.type().wire())
            .put("trophyName", text.name())
            .put("trophyDetail", text.detail())
            .put("trophyIconUrl", trophy.iconUrl())
            .put("trophyGroupId", trophy.groupId());
    if (!title.legacy()) {
      putIfPresent(json, "trophyProgressTargetValue", trophy.progressTargetValue());
      putIfPresent(json, "trophyRewardName", trophy.rewardName());
      putIfPresent(json, "trophyRewardImageUrl", trophy.rewardImageUrl());
    }
    return json;
  }

  /** A trophy of the earned-status endpoint. */
  static JsonObject trophyStatus(TitleDef title, TrophyDef trophy, TitleProgress progress) {
    Instant earnedAt = progress.earned.get(trophy.id());
    JsonObject json =
        new JsonObject()
            .put("trophyId", trophy.id())
            .put("trophyHidden", trophy.hidden())
            .put("earned", earnedAt != null);
    if (earnedAt != null) {
      json.put("earnedDateTime", time(earnedAt));
    } else if (!title.legacy() && trophy.progressTargetValue() != null) {
      TitleProgress.Progress made = progress.progress.get(trophy.id());
      json.put("progress", made == null ? "0" : made.value());
      json.put("progressRate", made == null ? 0 : made.rate());
      if (made != null) {
        json.put("progressedDateTime", time(made.at()));
      }
    }
    return json.put("trophyType", trophy.type().wire())
        .put("trophyRare", trophy.rare())
        .put("trophyEarnedRate", trophy.earnedRate());
  }

  /** The earned trophies with the lowest earn rate (several when they share it). */
  static List<TrophyDef> rarest(List<TrophyDef> trophies, TitleProgress progress) {
    List<TrophyDef> earned = earnedOf(trophies, progress);
    double lowest =
        earned.stream().mapToDouble(t -> Double.parseDouble(t.earnedRate())).min().orElse(0);
    return earned.stream().filter(t -> Double.parseDouble(t.earnedRate()) == lowest).toList();
  }

  /** An entry of {@code titles[].trophyTitles} (the title-id summary endpoint). */
  static JsonObject titleSummary(
      TitleDef title, TitleProgress progress, String language, boolean includeNotEarned) {
    JsonObject json =
        new JsonObject()
            .put("npServiceName", title.serviceName())
            .put("npCommunicationId", title.npCommunicationId())
            .put("trophyTitleName", title.name());
    if (title.legacy() && title.detail() != null) {
      json.put("trophyTitleDetail", title.detail());
    }
    json.put("trophyTitleIconUrl", title.iconUrl())
        .put("hasTrophyGroups", title.hasTrophyGroups())
        .put("trophyGroupCount", title.groups().size());
    JsonArray rarest = new JsonArray();
    for (TrophyDef trophy : rarest(title.trophies(), progress)) {
      LocalizedText text = trophy.text(language);
      rarest.add(
          new JsonObject()
              .put("trophyId", trophy.id())
              .put("trophyHidden", trophy.hidden())
              .put("trophyType", trophy.type().wire())
              .put("trophyName", text.name())
              .put("trophyDetail", text.detail())
              .put("trophyIconUrl", trophy.iconUrl())
              .put("trophyRare", trophy.rare())
              .put("trophyEarnedRate", trophy.earnedRate())
              .put("earned", true)
              .put("earnedDateTime", time(progress.earned.get(trophy.id()))));
    }
    json.put("rarestTrophies", rarest)
        .put("progress", progressPercent(title.trophies(), progress))
        .put("earnedTrophies", counts(TitleDef.countByType(earnedOf(title.trophies(), progress))))
        .put("definedTrophies", counts(TitleDef.countByType(title.trophies())));
    if (includeNotEarned) {
      JsonArray notEarned = new JsonArray();
      title.trophies().stream()
          .filter(t -> !progress.earned.containsKey(t.id()))
          .forEach(t -> notEarned.add(t.id()));
      json.put("notEarnedTrophyIds", notEarned);
    }
    return json.put("lastUpdatedDateTime", time(progress.lastUpdated));
  }

  /** The title trophy-groups metadata endpoint. */
  static JsonObject titleGroups(TitleDef title) {
    JsonObject json =
        new JsonObject()
            .put("npServiceName", title.serviceName())
            .put("npCommunicationId", title.npCommunicationId())
            .put("trophySetVersion", title.trophySetVersion())
            .put("trophyTitleName", title.name());
    if (title.legacy() && title.detail() != null) {
      json.put("trophyTitleDetail", title.detail());
    }
    json.put("trophyTitleIconUrl", title.iconUrl())
        .put("trophyTitlePlatform", title.platform())
        .put("definedTrophies", counts(TitleDef.countByType(title.trophies())));
    JsonArray groups = new JsonArray();
    for (TrophyGroupDef group : title.groups()) {
      JsonObject g =
          new JsonObject().put("trophyGroupId", group.id()).put("trophyGroupName", group.name());
      if (title.legacy() && group.detail() != null) {
        g.put("trophyGroupDetail", group.detail());
      }
      g.put("trophyGroupIconUrl", group.iconUrl())
          .put("definedTrophies", counts(TitleDef.countByType(title.trophies(group.id()))));
      groups.add(g);
    }
    return json.put("trophyGroups", groups);
  }

  /** The earned-by-group summary endpoint. */
  static JsonObject earnedGroups(TitleDef title, TitleProgress progress) {
    JsonObject json =
        new JsonObject()
            .put("trophySetVersion", title.trophySetVersion())
            .put("hiddenFlag", progress.hidden)
            .put("progress", progressPercent(title.trophies(), progress))
            .put(
                "earnedTrophies",
                counts(TitleDef.countByType(earnedOf(title.trophies(), progress))))
            .put("lastUpdatedDateTime", time(progress.lastUpdated));
    JsonArray groups = new JsonArray();
    for (TrophyGroupDef group : title.groups()) {
      List<TrophyDef> trophies = title.trophies(group.id());
      JsonObject g =
          new JsonObject()
              .put("trophyGroupId", group.id())
              .put("progress", progressPercent(trophies, progress))
              .put("earnedTrophies", counts(TitleDef.countByType(earnedOf(trophies, progress))));
      Instant last = lastEarned(trophies, progress);
      if (last != null) {
        g.put("lastUpdatedDateTime", time(last));
      }
      groups.add(g);
    }
    return json.put("trophyGroups", groups);
  }

  private static void putIfPresent(JsonObject json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
