package io.pitwall.simulator.psn;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link PsnWorld} from observed traffic (the doc's examples, the recorded cassettes):
 * every title, trophy, group, account and earned status a response reveals goes into the world, and
 * counts that a response gives without the items behind them (definedTrophies of a title list
 * entry, say) are filled with placeholder trophies. Replaying the same requests against a simulator
 * serving that world must then give responses of the same shape.
 */
final class TrafficImporter {

  private static final Pattern TITLE_LIST =
      Pattern.compile("/api/trophy/v1/users/([^/]+)/trophyTitles");
  private static final Pattern SUMMARY =
      Pattern.compile("/api/trophy/v1/users/([^/]+)/trophySummary");
  private static final Pattern TITLE_IDS =
      Pattern.compile("/api/trophy/v1/users/([^/]+)/titles/trophyTitles");
  private static final Pattern USER_TROPHIES =
      Pattern.compile(
          "/api/trophy/v1/users/([^/]+)/npCommunicationIds/([^/]+)/trophyGroups/([^/]+)/trophies");
  private static final Pattern USER_GROUPS =
      Pattern.compile("/api/trophy/v1/users/([^/]+)/npCommunicationIds/([^/]+)/trophyGroups");
  private static final Pattern TITLE_TROPHIES =
      Pattern.compile("/api/trophy/v1/npCommunicationIds/([^/]+)/trophyGroups/([^/]+)/trophies");
  private static final Pattern TITLE_GROUPS =
      Pattern.compile("/api/trophy/v1/npCommunicationIds/([^/]+)/trophyGroups");
  private static final Pattern PROFILE2 = Pattern.compile("/userProfile/v1/users/([^/]+)/profile2");

  /** What is known of one title so far. */
  private static final class TitleDraft {
    String id;
    String service = "trophy2";
    String version = "01.00";
    String name;
    String detail;
    String icon = "https://psnobj.prod.dl.playstation.net/psnobj/sim/title.png";
    String platform;
    final Map<String, TrophyGroupDef> groups = new LinkedHashMap<>();
    final Map<Integer, TrophyDraft> trophies = new TreeMap<>();
    final List<String> npTitleIds = new ArrayList<>();
    final Map<String, Map<String, Integer>> groupCounts = new HashMap<>();
    Map<String, Integer> titleCounts;
  }

  /** What is known of one trophy so far. */
  private static final class TrophyDraft {
    int id;
    boolean hidden;
    String type = "bronze";
    String group = "default";
    final Map<String, LocalizedText> text = new HashMap<>();
    String icon = "https://psnobj.prod.dl.playstation.net/psnobj/sim/trophy.png";
    String target;
    String rewardName;
    String rewardImage;
    int rare = 3;
    String rate = "50.0";
  }

  /** What is known of one account's title. */
  private static final class ProgressDraft {
    Instant lastUpdated;
    boolean hidden;
    final Map<Integer, Instant> earned = new TreeMap<>();
    final Map<Integer, TitleProgress.Progress> progress = new TreeMap<>();
    Map<String, Integer> earnedCounts;
  }

  private final String me;
  private final Map<String, TitleDraft> titles = new LinkedHashMap<>();
  private final Map<String, Map<String, ProgressDraft>> progress = new LinkedHashMap<>();
  private final Map<String, String> onlineIds = new LinkedHashMap<>();
  private final Map<String, Integer> listTotals = new HashMap<>();
  private final java.util.Set<String> privateAccounts = new java.util.HashSet<>();
  private final Map<String, String> unplayedTitleIds = new LinkedHashMap<>();
  private final Map<String, Map<Integer, GameHint>> hints = new LinkedHashMap<>();

  /**
   * @param me the account id that {@code users/me} stands for
   */
  TrafficImporter(String me, String meOnlineId) {
    this.me = me;
    onlineIds.put(me, meOnlineId);
  }

  /** Learns from one response. */
  void observe(String url, String acceptLanguage, int status, JsonNode body) {
    URI uri = URI.create(url.startsWith("/") ? "http://x" + url : url);
    String path = uri.getRawPath();
    Map<String, String> query = query(uri.getRawQuery());
    String language =
        acceptLanguage == null ? "en" : acceptLanguage.split("[-,;]")[0].toLowerCase();
    Matcher m;
    if (status == 403 && (m = Pattern.compile("/users/([^/]+)/").matcher(path)).find()) {
      privateAccounts.add(account(m.group(1)));
      return;
    }
    if (status != 200 || body == null) {
      return;
    }
    if (path.equals("/api/graphql/v1/op")) {
      observeGameHelp(query, body);
    } else if ((m = PROFILE2.matcher(path)).matches()) {
      onlineIds.put(body.at("/profile/accountId").asText(), body.at("/profile/onlineId").asText());
    } else if ((m = TITLE_LIST.matcher(path)).matches()) {
      String account = account(m.group(1));
      listTotals.merge(account, body.path("totalItemCount").asInt(), Math::max);
      for (JsonNode entry : body.path("trophyTitles")) {
        TitleDraft title = titleFromEntry(entry);
        title.version = entry.path("trophySetVersion").asText(title.version);
        title.platform = entry.path("trophyTitlePlatform").asText(title.platform);
        int groupCount =
            entry.path("trophyGroupCount").asInt(entry.path("hasTrophyGroups").asBoolean() ? 2 : 1);
        for (int g = 1; g < groupCount; g++) {
          String gid = String.format("%03d", g);
          title.groups.putIfAbsent(
              gid, new TrophyGroupDef(gid, title.name + " " + gid, title.detail, title.icon));
        }
        title.titleCounts = counts(entry.path("definedTrophies"));
        ProgressDraft p = progress(account, title.id);
        p.lastUpdated = Instant.parse(entry.path("lastUpdatedDateTime").asText());
        p.hidden = entry.path("hiddenFlag").asBoolean();
        p.earnedCounts = counts(entry.path("earnedTrophies"));
      }
    } else if ((m = SUMMARY.matcher(path)).matches()) {
      onlineIds.putIfAbsent(account(m.group(1)), "user" + m.group(1));
    } else if ((m = TITLE_IDS.matcher(path)).matches()) {
      String account = account(m.group(1));
      for (JsonNode t : body.path("titles")) {
        String npTitleId = t.path("npTitleId").asText();
        if (t.path("trophyTitles").isEmpty()) {
          unplayedTitleIds.putIfAbsent(
              npTitleId, "NPWR9" + Math.abs(npTitleId.hashCode() % 10000) + "_00");
        }
        for (JsonNode entry : t.path("trophyTitles")) {
          TitleDraft title = titleFromEntry(entry);
          if (!title.npTitleIds.contains(npTitleId)) {
            title.npTitleIds.add(npTitleId);
          }
          int groupCount =
              entry
                  .path("trophyGroupCount")
                  .asInt(entry.path("hasTrophyGroups").asBoolean() ? 2 : 1);
          for (int g = 1; g < groupCount; g++) {
            String gid = String.format("%03d", g);
            title.groups.putIfAbsent(
                gid, new TrophyGroupDef(gid, title.name + " " + gid, title.detail, title.icon));
          }
          title.titleCounts = counts(entry.path("definedTrophies"));
          ProgressDraft p = progress(account, title.id);
          p.lastUpdated = Instant.parse(entry.path("lastUpdatedDateTime").asText());
          p.earnedCounts = counts(entry.path("earnedTrophies"));
          for (JsonNode r : entry.path("rarestTrophies")) {
            TrophyDraft trophy = trophyFrom(title, r, language);
            p.earned.put(trophy.id, Instant.parse(r.path("earnedDateTime").asText()));
          }
          for (JsonNode id : entry.path("notEarnedTrophyIds")) {
            title.trophies.computeIfAbsent(id.asInt(), i -> newTrophy(i));
          }
        }
      }
    } else if ((m = USER_TROPHIES.matcher(path)).matches()) {
      String account = account(m.group(1));
      TitleDraft title = title(m.group(2));
      title.service = query.getOrDefault("npServiceName", "trophy2");
      title.version = body.path("trophySetVersion").asText(title.version);
      ProgressDraft p = progress(account, title.id);
      p.lastUpdated = Instant.parse(body.path("lastUpdatedDateTime").asText());
      for (JsonNode t : body.path("trophies")) {
        TrophyDraft trophy = trophyFrom(title, t, language);
        if (!m.group(3).equals("all")) {
          trophy.group = m.group(3);
          ensureGroup(title, m.group(3));
        }
        if (t.path("earned").asBoolean()) {
          p.earned.put(trophy.id, Instant.parse(t.path("earnedDateTime").asText()));
        } else if (t.has("progress")) {
          trophy.target = trophy.target == null ? "10" : trophy.target;
          p.progress.put(
              trophy.id,
              new TitleProgress.Progress(
                  t.path("progress").asText(),
                  t.path("progressRate").asInt(),
                  t.has("progressedDateTime")
                      ? Instant.parse(t.path("progressedDateTime").asText())
                      : null));
        }
      }
      if (body.path("hasTrophyGroups").asBoolean()) {
        ensureGroup(title, "001");
      }
    } else if ((m = USER_GROUPS.matcher(path)).matches()) {
      String account = account(m.group(1));
      TitleDraft title = title(m.group(2));
      title.service = query.getOrDefault("npServiceName", "trophy2");
      ProgressDraft p = progress(account, title.id);
      p.lastUpdated = Instant.parse(body.path("lastUpdatedDateTime").asText());
      p.hidden = body.path("hiddenFlag").asBoolean();
      for (JsonNode g : body.path("trophyGroups")) {
        ensureGroup(title, g.path("trophyGroupId").asText());
      }
    } else if ((m = TITLE_TROPHIES.matcher(path)).matches()) {
      TitleDraft title = title(m.group(1));
      title.service = query.getOrDefault("npServiceName", "trophy2");
      title.version = body.path("trophySetVersion").asText(title.version);
      for (JsonNode t : body.path("trophies")) {
        trophyFrom(title, t, language);
        ensureGroup(title, t.path("trophyGroupId").asText("default"));
      }
      if (body.path("hasTrophyGroups").asBoolean()) {
        ensureGroup(title, "001");
      }
    } else if ((m = TITLE_GROUPS.matcher(path)).matches()) {
      TitleDraft title = title(m.group(1));
      title.service =
          body.path("npServiceName").asText(query.getOrDefault("npServiceName", "trophy2"));
      title.version = body.path("trophySetVersion").asText(title.version);
      title.name = body.path("trophyTitleName").asText(title.name);
      title.detail =
          body.has("trophyTitleDetail") ? body.path("trophyTitleDetail").asText() : title.detail;
      title.icon = body.path("trophyTitleIconUrl").asText(title.icon);
      title.platform = body.path("trophyTitlePlatform").asText(title.platform);
      title.titleCounts = counts(body.path("definedTrophies"));
      for (JsonNode g : body.path("trophyGroups")) {
        String gid = g.path("trophyGroupId").asText();
        title.groups.put(
            gid,
            new TrophyGroupDef(
                gid,
                g.path("trophyGroupName").asText(),
                g.has("trophyGroupDetail") ? g.path("trophyGroupDetail").asText() : null,
                g.path("trophyGroupIconUrl").asText()));
        title.groupCounts.put(gid, counts(g.path("definedTrophies")));
      }
    }
  }

  private void observeGameHelp(Map<String, String> query, JsonNode body) {
    String npCommId;
    try {
      npCommId =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(query.get("variables"))
              .path("npCommId")
              .asText();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
    TitleDraft title = title(npCommId);
    Map<Integer, GameHint> known = hints.computeIfAbsent(npCommId, k -> new TreeMap<>());
    for (JsonNode t : body.at("/data/hintAvailabilityRetrieve/trophies")) {
      int id = t.path("trophyId").asInt();
      known.putIfAbsent(
          id,
          new GameHint(id, t.path("udsObjectId").asText(), t.path("helpType").asText(), List.of()));
      title.trophies.computeIfAbsent(id, TrafficImporter::newTrophy);
    }
    for (JsonNode t : body.at("/data/tipsRetrieve/trophies")) {
      int id = t.path("trophyId").asInt();
      List<GameHint.Tip> tips = new ArrayList<>();
      for (JsonNode c : t.at("/groups/0/tipContents")) {
        tips.add(
            new GameHint.Tip(
                c.path("tipId").asText(),
                c.path("displayName").asText(),
                c.path("description").asText(),
                c.path("mediaId").asText(),
                c.path("mediaType").asText(),
                c.path("mediaUrl").asText()));
      }
      Matcher uds =
          Pattern.compile("\"trophyId\":\"" + id + "\",\"udsObjectId\":\"([^\"]+)\"")
              .matcher(query.get("variables"));
      known.put(id, new GameHint(id, uds.find() ? uds.group(1) : "UDS_" + id, "HINT", tips));
      title.trophies.computeIfAbsent(id, TrafficImporter::newTrophy);
    }
  }

  /**
   * Builds the world: accounts first (me signs in with {@code npsso}), then titles, then progress.
   */
  PsnWorld build(String npsso) {
    PsnWorld world = new PsnWorld();
    for (TitleDraft draft : titles.values()) {
      world.addTitle(finish(draft));
    }
    unplayedTitleIds.forEach(
        (npTitleId, communicationId) -> {
          if (world.communicationIdOf(npTitleId) == null) {
            TitleDraft draft = title(communicationId);
            draft.npTitleIds.add(npTitleId);
            world.addTitle(finish(draft));
          }
        });
    hints.forEach((id, byTrophy) -> world.setHints(id, List.copyOf(byTrophy.values())));
    java.util.Set<String> accounts = new java.util.LinkedHashSet<>(onlineIds.keySet());
    accounts.addAll(progress.keySet());
    accounts.addAll(privateAccounts);
    for (String accountId : accounts) {
      String onlineId = onlineIds.getOrDefault(accountId, "user" + accountId);
      world.addAccount(
          accountId, onlineId, accountId.equals(me) ? npsso : "npsso-" + accountId, "en");
      if (privateAccounts.contains(accountId)) {
        world.setPrivate(accountId, true);
      }
    }
    progress.forEach(
        (accountId, byTitle) ->
            byTitle.forEach((titleId, p) -> apply(world, accountId, titleId, p)));
    listTotals.forEach((accountId, total) -> pad(world, accountId, total));
    return world;
  }

  private void apply(PsnWorld world, String accountId, String titleId, ProgressDraft p) {
    TitleDef title = world.title(titleId);
    Instant last = p.lastUpdated == null ? Instant.parse("2020-01-01T00:00:00Z") : p.lastUpdated;
    world.sync(accountId, titleId, last.minus(Duration.ofDays(30)));
    p.earned.forEach((id, at) -> world.earn(accountId, titleId, id, at));
    if (p.earnedCounts != null) {
      for (TrophyType type : TrophyType.values()) {
        int want = p.earnedCounts.getOrDefault(type.wire(), 0);
        long have =
            title.trophies().stream()
                .filter(
                    t ->
                        t.type() == type
                            && world.progressOf(accountId, titleId).earnedAt(t.id()) != null)
                .count();
        for (TrophyDef t : title.trophies()) {
          if (have >= want) {
            break;
          }
          if (t.type() == type && world.progressOf(accountId, titleId).earnedAt(t.id()) == null) {
            world.earn(accountId, titleId, t.id(), last.minus(Duration.ofMinutes(have + 1)));
            have++;
          }
        }
      }
    }
    p.progress.forEach(
        (id, pr) ->
            world.progress(
                accountId, titleId, id, pr.value(), pr.rate(), pr.at() == null ? last : pr.at()));
    TitleProgress progress = world.progressOf(accountId, titleId);
    progress.lastUpdated = last;
    if (p.hidden) {
      world.hide(accountId, titleId, true);
    }
  }

  /** Adds old placeholder titles until the account's list is as long as the recorded total. */
  private static void pad(PsnWorld world, String accountId, int total) {
    int have = world.titlesOf(accountId, true).size();
    Instant oldest = Instant.parse("2010-01-01T00:00:00Z");
    for (int i = have; i < total; i++) {
      String id = String.format("NPWR8%04d_%02d", i / 100, i % 100);
      if (world.title(id) == null) {
        world.addTitle(
            new TitleDef(
                id,
                "trophy",
                "01.00",
                "Placeholder " + i,
                "Placeholder " + i,
                "https://psnobj/sim.png",
                "PS4",
                List.of(
                    new TrophyGroupDef(
                        "default",
                        "Placeholder " + i,
                        "Placeholder " + i,
                        "https://psnobj/sim.png")),
                List.of(
                    new TrophyDef(
                        0,
                        false,
                        TrophyType.BRONZE,
                        "default",
                        Map.of("en", new LocalizedText("T", "D")),
                        "https://psnobj/t.png",
                        null,
                        null,
                        null,
                        3,
                        "50.0")),
                List.of()));
      }
      world.sync(accountId, id, oldest.minusSeconds(i));
    }
  }

  private TitleDef finish(TitleDraft draft) {
    ensureGroup(draft, "default");
    draft.groupCounts.forEach((group, counts) -> fill(draft, group, counts, false));
    fill(draft, "default", draft.titleCounts, true);
    List<TrophyGroupDef> groups = new ArrayList<>(draft.groups.values());
    groups.sort(
        (a, b) ->
            a.id().equals("default")
                ? -1
                : b.id().equals("default") ? 1 : a.id().compareTo(b.id()));
    String name = draft.name == null ? draft.id : draft.name;
    List<TrophyDef> trophies = new ArrayList<>();
    for (TrophyDraft t : draft.trophies.values()) {
      Map<String, LocalizedText> text = new HashMap<>(t.text);
      text.putIfAbsent("en", new LocalizedText("Trophy " + t.id, "Placeholder trophy " + t.id));
      trophies.add(
          new TrophyDef(
              t.id,
              t.hidden,
              TrophyType.fromWire(t.type),
              t.group,
              text,
              t.icon,
              t.target,
              t.rewardName,
              t.rewardImage,
              t.rare,
              t.rate));
    }
    String platform =
        draft.platform != null ? draft.platform : draft.service.equals("trophy") ? "PS4" : "PS5";
    String detail =
        draft.service.equals("trophy") ? (draft.detail != null ? draft.detail : name) : null;
    List<TrophyGroupDef> finalGroups =
        groups.stream()
            .map(
                g ->
                    new TrophyGroupDef(
                        g.id(),
                        g.name() == null ? name : g.name(),
                        draft.service.equals("trophy")
                            ? (g.detail() != null ? g.detail() : name)
                            : null,
                        g.iconUrl() == null ? draft.icon : g.iconUrl()))
            .toList();
    return new TitleDef(
        draft.id,
        draft.service,
        draft.version,
        name,
        detail,
        draft.icon,
        platform,
        finalGroups,
        trophies,
        draft.npTitleIds);
  }

  /** Adds placeholder trophies to {@code group} until each grade reaches its count. */
  private static void fill(
      TitleDraft draft, String group, Map<String, Integer> counts, boolean wholeTitle) {
    if (counts == null) {
      return;
    }
    for (TrophyType type : TrophyType.values()) {
      int want = counts.getOrDefault(type.wire(), 0);
      long have =
          draft.trophies.values().stream()
              .filter(t -> t.type.equals(type.wire()) && (wholeTitle || t.group.equals(group)))
              .count();
      for (long i = have; i < want; i++) {
        int id =
            draft.trophies.isEmpty()
                ? 0
                : ((TreeMap<Integer, TrophyDraft>) draft.trophies).lastKey() + 1;
        TrophyDraft t = newTrophy(id);
        t.type = type.wire();
        t.group = group;
        draft.trophies.put(id, t);
      }
    }
  }

  private TitleDraft titleFromEntry(JsonNode entry) {
    TitleDraft title = title(entry.path("npCommunicationId").asText());
    title.service = entry.path("npServiceName").asText(title.service);
    title.name = entry.path("trophyTitleName").asText(title.name);
    title.detail =
        entry.has("trophyTitleDetail") ? entry.path("trophyTitleDetail").asText() : title.detail;
    title.icon = entry.path("trophyTitleIconUrl").asText(title.icon);
    return title;
  }

  private static TrophyDraft trophyFrom(TitleDraft title, JsonNode t, String language) {
    TrophyDraft trophy =
        title.trophies.computeIfAbsent(t.path("trophyId").asInt(), TrafficImporter::newTrophy);
    trophy.hidden = t.path("trophyHidden").asBoolean(trophy.hidden);
    trophy.type = t.path("trophyType").asText(trophy.type);
    trophy.group = t.path("trophyGroupId").asText(trophy.group);
    if (t.has("trophyName")) {
      trophy.text.put(
          language,
          new LocalizedText(t.path("trophyName").asText(), t.path("trophyDetail").asText()));
    }
    trophy.icon = t.path("trophyIconUrl").asText(trophy.icon);
    trophy.target =
        t.has("trophyProgressTargetValue")
            ? t.path("trophyProgressTargetValue").asText()
            : trophy.target;
    trophy.rewardName =
        t.has("trophyRewardName") ? t.path("trophyRewardName").asText() : trophy.rewardName;
    trophy.rewardImage =
        t.has("trophyRewardImageUrl")
            ? t.path("trophyRewardImageUrl").asText()
            : trophy.rewardImage;
    trophy.rare = t.path("trophyRare").asInt(trophy.rare);
    trophy.rate = t.path("trophyEarnedRate").asText(trophy.rate);
    return trophy;
  }

  private static TrophyDraft newTrophy(int id) {
    TrophyDraft t = new TrophyDraft();
    t.id = id;
    return t;
  }

  private static void ensureGroup(TitleDraft title, String group) {
    title.groups.putIfAbsent(group, new TrophyGroupDef(group, null, null, null));
  }

  private TitleDraft title(String id) {
    return titles.computeIfAbsent(
        id,
        i -> {
          TitleDraft d = new TitleDraft();
          d.id = i;
          return d;
        });
  }

  private ProgressDraft progress(String account, String titleId) {
    return progress
        .computeIfAbsent(account, a -> new LinkedHashMap<>())
        .computeIfAbsent(titleId, t -> new ProgressDraft());
  }

  private String account(String pathValue) {
    return pathValue.equals("me") ? me : pathValue;
  }

  private static Map<String, Integer> counts(JsonNode node) {
    Map<String, Integer> counts = new HashMap<>();
    node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
    return counts;
  }

  static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null) {
      return query;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      query.put(key, value);
    }
    return query;
  }
}
