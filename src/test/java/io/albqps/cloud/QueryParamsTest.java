package io.albqps.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Flattening structured parameters into the SDKs' {@code Name.N} query form. */
class QueryParamsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flattensAsTheSdksDo(String description, Map<String, ?> params, Map<String, String> flat) {
    assertThat(QueryParams.flatten(params)).isEqualTo(flat);
  }

  static Stream<Arguments> cases() {
    Map<String, Object> tag = new LinkedHashMap<>();
    tag.put("Key", "team");
    tag.put("Value", "ml");
    return Stream.of(
        Arguments.of(
            "a scalar stays as it is",
            Map.of("ScalingGroupId", "scg-1"),
            Map.of("ScalingGroupId", "scg-1")),
        Arguments.of(
            "numbers and booleans print plainly",
            Map.of("PageSize", 50, "DryRun", true),
            Map.of("PageSize", "50", "DryRun", "true")),
        Arguments.of(
            "a list is numbered from 1",
            Map.of("ScalingGroupIds", List.of("scg-a", "scg-b")),
            Map.of("ScalingGroupIds.1", "scg-a", "ScalingGroupIds.2", "scg-b")),
        Arguments.of(
            "maps inside a list become Parent.N.Child",
            Map.of("TagFilters", List.of(tag)),
            Map.of("TagFilters.1.Key", "team", "TagFilters.1.Value", "ml")),
        Arguments.of("an empty list adds nothing", Map.of("InstanceIds", List.of()), Map.of()));
  }

  @Test
  void refusesANullValueNamingIt() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("ScalingGroupId", null);

    assertThatThrownBy(() -> QueryParams.flatten(params))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ScalingGroupId");
  }

  @Test
  void refusesTheSameNameTwice() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("Ids.1", "a");
    params.put("Ids", List.of("b"));

    assertThatThrownBy(() -> QueryParams.flatten(params))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ids.1 is given twice");
  }
}
