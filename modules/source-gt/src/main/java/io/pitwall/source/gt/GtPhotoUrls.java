package io.pitwall.source.gt;

/**
 * The GT Sport photo URL recipe: drop the trailing {@code -0}, take the last six digits, reverse
 * them in pairs (CCBBAA → AA/BB/CC), and append the id with the asset's suffix to the S3 path.
 */
public final class GtPhotoUrls {

  private static final String BASE = "https://s3.amazonaws.com/gt7sp-prod/photo/";

  private GtPhotoUrls() {}

  /** The member profile photo ({@code _0.jpg}) of a profile_photo_id. */
  public static String profilePhoto(String photoId) {
    return url(photoId, "_0.jpg");
  }

  /** The driver's full portrait ({@code _22.png}) of a driver_photo_id. */
  public static String fullPortrait(String photoId) {
    return url(photoId, "_22.png");
  }

  /** The driver's half portrait ({@code _14.png}) of a driver_photo_id. */
  public static String halfPortrait(String photoId) {
    return url(photoId, "_14.png");
  }

  private static String url(String photoId, String suffix) {
    if (photoId == null || !photoId.matches("[0-9]{6,}-0")) {
      throw new IllegalArgumentException(
          "'" + photoId + "' is not a GT photo id (digits followed by -0)");
    }
    String id = photoId.substring(0, photoId.length() - 2);
    String last6 = id.substring(id.length() - 6);
    String path =
        last6.substring(4, 6) + "/" + last6.substring(2, 4) + "/" + last6.substring(0, 2) + "/";
    return BASE + path + id + suffix;
  }
}
