package io.github.deepcleermock.mock.submit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.Step;
import io.github.deepcleermock.mock.simulation.UrlWords;

/**
 * Part of validation: a NORMAL stream's URL words ({@code mock-reject-at-<s>}, …) must be well-formed while magic
 * values are on, so a typo answers 1902 at submit instead of a stream that silently plays the default script.
 */
final class CheckUrlWords implements Step<SubmitCall> {

  private final boolean magicValues;

  CheckUrlWords(boolean magicValues) {
    this.magicValues = magicValues;
  }

  @Override
  public Outcome apply(SubmitCall call) {
    if (!magicValues || !"NORMAL".equals(call.data.path("streamType").asText())) {
      return null;
    }
    JsonNode url = call.data.get("url");
    try {
      UrlWords.parse(url == null ? null : url.textValue());
      return null;
    } catch (IllegalArgumentException e) {
      return call.invalid(e.getMessage());
    }
  }
}
