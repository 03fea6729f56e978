package io.pitwall.source.gt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GtPhotoUrlsTest {

  @Test
  void shouldFollowTheDocsRecipe() {
    assertThat(GtPhotoUrls.halfPortrait("8574875682894774301-0"))
        .isEqualTo("https://s3.amazonaws.com/gt7sp-prod/photo/01/43/77/8574875682894774301_14.png");
    assertThat(GtPhotoUrls.fullPortrait("8574875682894774301-0"))
        .endsWith("/01/43/77/8574875682894774301_22.png");
    assertThat(GtPhotoUrls.profilePhoto("8224232633225479708-0"))
        .endsWith("/08/97/47/8224232633225479708_0.jpg");
    assertThatThrownBy(() -> GtPhotoUrls.profilePhoto("../etc"))
        .hasMessageContaining("not a GT photo id");
  }
}
