package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.media.Media;
import io.github.deepcleermock.mock.simulation.Simulation;
import io.github.deepcleermock.mock.simulation.Timeline;
import io.github.deepcleermock.mock.simulation.Verdict;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /__media/...}: the frame pictures and audio segments result callbacks link to
 * ({@code frameDetail.imgUrl}, {@code audioDetail.audioUrl}, {@code preAudioUrl}). Not journaled (the vendor's
 * media live on its object storage, not its API).
 */
final class MediaRoutes {

  static final String PREFIX = "/__media";

  private final Simulation simulation;

  MediaRoutes(Simulation simulation) {
    this.simulation = simulation;
  }

  void register(RoutesConfig routes) {
    routes.get(PREFIX + "/streams/{requestId}/frames/{file}", this::frame);
    routes.get(PREFIX + "/streams/{requestId}/segments/{file}", this::segment);
  }

  private void frame(Context ctx) {
    long n = number(ctx.pathParam("file"), ".png");
    Optional<Verdict> verdict = n < 0 ? Optional.empty() : simulation.frameVerdict(ctx.pathParam("requestId"), n);
    if (verdict.isEmpty()) {
      notFound(ctx, "frame");
      return;
    }
    ctx.contentType("image/png").result(Media.framePng(n, verdict.get().riskLevel()));
  }

  private void segment(Context ctx) {
    long k = number(ctx.pathParam("file"), ".wav");
    Optional<Verdict> verdict = k < 0 ? Optional.empty() : simulation.segmentVerdict(ctx.pathParam("requestId"), k);
    if (verdict.isEmpty()) {
      notFound(ctx, "segment");
      return;
    }
    // preAudioUrl: the previous segment and this one.
    boolean withPrevious = "true".equals(ctx.queryParam("withPrevious"));
    int seconds = Timeline.SEGMENT_SECONDS * (withPrevious ? 2 : 1);
    ctx.contentType("audio/wav").result(Media.segmentWav(verdict.get().riskLevel(), seconds));
  }

  /** The number in {@code <n><suffix>}, or -1. */
  private static long number(String file, String suffix) {
    if (!file.endsWith(suffix)) {
      return -1;
    }
    String digits = file.substring(0, file.length() - suffix.length());
    if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(digits);
  }

  private static void notFound(Context ctx, String what) {
    ctx.status(404).contentType("application/json;charset=utf-8").result(
        ("{\"error\":\"path: no such " + what + " of a simulated stream\"}").getBytes(StandardCharsets.UTF_8));
  }
}
