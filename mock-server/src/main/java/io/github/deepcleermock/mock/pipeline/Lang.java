package io.github.deepcleermock.mock.pipeline;

/** The language of answer messages: English unless a submit asks for {@code acceptLang: "zh"}. */
public enum Lang {
  EN,
  ZH
}
