package io.pitwall.source.psn;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.pitwall.core.PollOutcome;
import io.pitwall.source.common.UpstreamJson;
import io.pitwall.source.psn.diff.EarnedTrophy;
import io.pitwall.source.psn.diff.TitleEntry;
import io.pitwall.source.psn.diff.TrophyCounts;
import io.pitwall.source.psn.diff.TrophyMeta;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Trophy API v2 bodies (and the sign-in's token answer) into core values, strictly: the
 * shapes are the records below, read by {@link UpstreamJson}, so a missing or null required field,
 * a wrong type, an unparseable date or a body that is not JSON (an HTML error page) is a {@link
 * PsnException} with outcome {@link PollOutcome#UPSTREAM_ERROR} naming the field's path ({@code
 * trophyTitles[3].npCommunicationId: missing}), never a partial result. Unknown fields are ignored.
 */
public final class PsnJsonParser {

  private static final Set<String> SERVICES = Set.of("trophy", "trophy2");
  private static final Set<String> GRADES = Set.of("bronze", "silver", "gold", "platinum");

  private PsnJsonParser() {}

  /** Parses a {@code trophyTitles} page. */
  public static TitlePage titles(Buffer body) {
    TitlesJson page = read(body, TitlesJson.class, "response");
    List<TitleEntry> entries = page.trophyTitles().stream().map(TitleJson::entry).toList();
    return new TitlePage(entries, page.nextOffset(), page.totalItemCount());
  }

  /**
   * Parses an earned-status list and keeps the earned trophies, with how many trophies it listed
   * and counted ({@code totalItemCount}; the listed number when absent).
   */
  public static EarnedList earned(Buffer body) {
    EarnedJson list = read(body, EarnedJson.class, "response");
    List<EarnedTrophy> earned = new ArrayList<>();
    for (TrophyStatusJson t : list.trophies()) {
      if (t.earned()) {
        earned.add(
            new EarnedTrophy(
                t.trophyId(),
                t.earnedDateTime(),
                t.trophyRare(),
                t.trophyEarnedRate() == null ? null : Double.parseDouble(t.trophyEarnedRate())));
      }
    }
    int listed = list.trophies().size();
    return new EarnedList(
        earned, listed, list.totalItemCount() == null ? listed : list.totalItemCount());
  }

  /** Parses title metadata ({@code trophyGroups/all/trophies}) with group names, if known. */
  public static TitleMetadata metadata(Buffer body, Map<String, String> groupNames) {
    TrophiesJson title = read(body, TrophiesJson.class, "response");
    Map<Integer, TrophyMeta> trophies = new HashMap<>();
    for (TrophyJson t : title.trophies()) {
      trophies.put(
          t.trophyId(),
          new TrophyMeta(
              t.trophyId(),
              t.trophyGroupId(),
              groupNames.get(t.trophyGroupId()),
              t.trophyType(),
              t.trophyName(),
              t.trophyDetail(),
              t.trophyIconUrl(),
              t.trophyHidden(),
              t.trophyRewardName(),
              t.trophyRewardImageUrl()));
    }
    return new TitleMetadata(title.trophySetVersion(), trophies);
  }

  /** Parses a title's groups into group id → name. */
  public static Map<String, String> groupNames(Buffer body) {
    GroupsJson groups = read(body, GroupsJson.class, "response");
    Map<String, String> names = new HashMap<>();
    groups.trophyGroups().forEach(g -> names.put(g.trophyGroupId(), g.trophyGroupName()));
    return names;
  }

  /** The PSN error code of an error body, or null when it is not PSN's error shape. */
  public static Integer errorCode(Buffer body) {
    try {
      ErrorJson answer = UpstreamJson.read(bytes(body), ErrorJson.class);
      return answer.error() == null ? null : answer.error().code();
    } catch (UpstreamJson.Malformed notPsnShape) {
      return null;
    }
  }

  /** Parses the token endpoint's answer; its message never carries a token. */
  static Tokens tokens(Buffer body) {
    return read(body, Tokens.class, "token response");
  }

  private static <T> T read(Buffer body, Class<T> type, String what) {
    try {
      return UpstreamJson.read(bytes(body), type);
    } catch (UpstreamJson.Malformed e) {
      throw new PsnException(
          PollOutcome.UPSTREAM_ERROR, "Unexpected PSN " + what + ": " + e.getMessage());
    }
  }

  private static byte[] bytes(Buffer body) {
    return body == null ? null : body.getBytes();
  }

  /**
   * The token endpoint's answer.
   *
   * @param accessToken access_token (secret)
   * @param expiresIn expires_in, seconds
   * @param refreshToken refresh_token (secret), or null
   * @param refreshTokenExpiresIn refresh_token_expires_in, seconds, or null
   */
  record Tokens(
      @JsonProperty(value = "access_token", required = true) String accessToken,
      @JsonProperty(value = "expires_in", required = true) long expiresIn,
      @JsonProperty("refresh_token") String refreshToken,
      @JsonProperty("refresh_token_expires_in") Long refreshTokenExpiresIn) {

    /** Never the tokens themselves. */
    @Override
    public String toString() {
      return "Tokens[expiresIn="
          + expiresIn
          + ", refreshTokenExpiresIn="
          + refreshTokenExpiresIn
          + "]";
    }
  }

  /** A {@code trophyTitles} page. */
  record TitlesJson(
      @JsonProperty(required = true) List<TitleJson> trophyTitles,
      Integer nextOffset,
      @JsonProperty(required = true) int totalItemCount) {}

  /** One entry of {@code trophyTitles}. */
  record TitleJson(
      @JsonProperty(required = true) String npCommunicationId,
      @JsonProperty(required = true) String npServiceName,
      @JsonProperty(required = true) String trophySetVersion,
      @JsonProperty(required = true) String trophyTitleName,
      String trophyTitleDetail,
      String trophyTitleIconUrl,
      @JsonProperty(required = true) String trophyTitlePlatform,
      @JsonProperty(required = true) boolean hasTrophyGroups,
      @JsonProperty(required = true) Instant lastUpdatedDateTime,
      @JsonProperty(required = true) CountsJson earnedTrophies,
      Boolean hiddenFlag) {

    TitleJson {
      if (!SERVICES.contains(npServiceName)) {
        throw UpstreamJson.invalid(
            "npServiceName", "'" + npServiceName + "' is neither trophy nor trophy2");
      }
    }

    TitleEntry entry() {
      return new TitleEntry(
          npCommunicationId,
          npServiceName,
          trophySetVersion,
          trophyTitleName,
          trophyTitleDetail,
          trophyTitleIconUrl,
          trophyTitlePlatform,
          hasTrophyGroups,
          lastUpdatedDateTime,
          earnedTrophies.counts(),
          Boolean.TRUE.equals(hiddenFlag));
    }
  }

  /** Trophies by grade. */
  record CountsJson(
      @JsonProperty(required = true) int bronze,
      @JsonProperty(required = true) int silver,
      @JsonProperty(required = true) int gold,
      @JsonProperty(required = true) int platinum) {

    CountsJson {
      requireCount("bronze", bronze);
      requireCount("silver", silver);
      requireCount("gold", gold);
      requireCount("platinum", platinum);
    }

    private static void requireCount(String grade, int count) {
      if (count < 0) {
        throw UpstreamJson.invalid(grade, "negative count " + count);
      }
    }

    TrophyCounts counts() {
      return new TrophyCounts(bronze, silver, gold, platinum);
    }
  }

  /** An account's earned-status list of a title. */
  record EarnedJson(
      @JsonProperty(required = true) List<TrophyStatusJson> trophies, Integer totalItemCount) {}

  /** One trophy's earned status; an earned one has its date. */
  record TrophyStatusJson(
      @JsonProperty(required = true) int trophyId,
      @JsonProperty(required = true) boolean earned,
      Instant earnedDateTime,
      Integer trophyRare,
      String trophyEarnedRate) {

    TrophyStatusJson {
      if (earned && earnedDateTime == null) {
        throw UpstreamJson.invalid("earnedDateTime", "missing on an earned trophy");
      }
      if (earned && trophyEarnedRate != null) {
        try {
          Double.parseDouble(trophyEarnedRate);
        } catch (NumberFormatException e) {
          throw UpstreamJson.invalid(
              "trophyEarnedRate", "'" + trophyEarnedRate + "' is not a number");
        }
      }
    }
  }

  /** A title's trophies ({@code trophyGroups/all/trophies}). */
  record TrophiesJson(
      @JsonProperty(required = true) String trophySetVersion,
      @JsonProperty(required = true) List<TrophyJson> trophies) {}

  /** One trophy's description. */
  record TrophyJson(
      @JsonProperty(required = true) int trophyId,
      @JsonProperty(required = true) String trophyGroupId,
      @JsonProperty(required = true) String trophyType,
      @JsonProperty(required = true) String trophyName,
      @JsonProperty(required = true) String trophyDetail,
      @JsonProperty(required = true) String trophyIconUrl,
      @JsonProperty(required = true) boolean trophyHidden,
      String trophyRewardName,
      String trophyRewardImageUrl) {

    TrophyJson {
      if (!GRADES.contains(trophyType)) {
        throw UpstreamJson.invalid("trophyType", "'" + trophyType + "' is not a trophy grade");
      }
    }
  }

  /** A title's groups. */
  record GroupsJson(@JsonProperty(required = true) List<GroupJson> trophyGroups) {}

  /** One group. */
  record GroupJson(
      @JsonProperty(required = true) String trophyGroupId,
      @JsonProperty(required = true) String trophyGroupName) {}

  /** PSN's error shape, {@code {"error": {"code": 2240525, ...}}}. */
  record ErrorJson(ErrorBody error) {}

  /** The error's body. */
  record ErrorBody(Integer code) {}
}
