package io.pitwall.simulator.psn;

import java.util.List;

/**
 * Game Help available for one trophy.
 *
 * @param trophyId the trophy
 * @param udsObjectId the Game Help id
 * @param helpType e.g. HINT
 * @param tips the help's steps
 */
public record GameHint(int trophyId, String udsObjectId, String helpType, List<Tip> tips) {

  public GameHint {
    tips = List.copyOf(tips);
  }

  /**
   * One step of Game Help.
   *
   * @param tipId tip id
   * @param displayName title of the step
   * @param description what to do
   * @param mediaId video id
   * @param mediaType e.g. VIDEO
   * @param mediaUrl HLS playlist URL
   */
  public record Tip(
      String tipId,
      String displayName,
      String description,
      String mediaId,
      String mediaType,
      String mediaUrl) {}
}
