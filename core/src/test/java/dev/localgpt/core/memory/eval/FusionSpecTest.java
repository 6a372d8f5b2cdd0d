package dev.localgpt.core.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.core.memory.FusionMethod;
import dev.localgpt.core.memory.SearchSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionSpecTest {
  @Test
  void weightedWithAWeightSetsBothWeights() {
    SearchSettings s =
        FusionSpec.parse(List.of("weighted:0.4")).get(0).apply(SearchSettings.defaults());
    assertThat(s.fusion()).isEqualTo(FusionMethod.WEIGHTED);
    assertThat(s.vectorWeight()).isEqualTo(0.4);
    assertThat(s.textWeight()).isEqualTo(0.6);
  }

  @Test
  void commaListsAndAllExpand() {
    assertThat(FusionSpec.parse(List.of("rrf,dbsf")))
        .extracting(FusionSpec::label)
        .containsExactly("hybrid rrf", "hybrid dbsf");
    assertThat(FusionSpec.parse(List.of("all"))).hasSizeGreaterThan(3);
    assertThat(FusionSpec.parse(List.of())).extracting(FusionSpec::label).containsExactly("hybrid");
  }

  @Test
  void allCoversEveryFusionMethod() {
    List<FusionMethod> methods =
        FusionSpec.parse(List.of("all")).stream()
            .map(f -> f.apply(SearchSettings.defaults()).fusion())
            .distinct()
            .toList();
    assertThat(methods).containsExactlyInAnyOrder(FusionMethod.values());
  }

  @Test
  void adaptiveTakesABaseWeight() {
    SearchSettings s =
        FusionSpec.parse(List.of("adaptive:0.3")).get(0).apply(SearchSettings.defaults());
    assertThat(s.fusion()).isEqualTo(FusionMethod.ADAPTIVE);
    assertThat(s.vectorWeight()).isEqualTo(0.3);
  }

  @Test
  void unknownValuesAreRefusedWithTheChoices() {
    assertThatThrownBy(() -> FusionSpec.parse(List.of("borda")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("borda")
        .hasMessageContaining("rrf");
    assertThatThrownBy(() -> FusionSpec.parse(List.of("weighted:2")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
