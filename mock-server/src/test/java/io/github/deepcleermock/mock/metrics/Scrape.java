package io.github.deepcleermock.mock.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed Prometheus text scrape: sample name with its labels as written, to value. */
record Scrape(Map<String, Double> samples) {

  private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (\\S+)$");

  static Scrape parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      Matcher matcher = LINE.matcher(line);
      if (!matcher.matches()) {
        throw new AssertionError("not a Prometheus sample line: " + line);
      }
      samples.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
    }
    return new Scrape(samples);
  }

  /** The value of one sample, 0 when absent (Prometheus counters that were never incremented are not listed). */
  double value(String nameAndLabels) {
    return samples.getOrDefault(nameAndLabels, 0.0);
  }

  boolean has(String nameAndLabels) {
    return samples.containsKey(nameAndLabels);
  }
}
