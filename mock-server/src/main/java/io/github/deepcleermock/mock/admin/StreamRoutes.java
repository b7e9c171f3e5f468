package io.github.deepcleermock.mock.admin;

import static io.github.deepcleermock.mock.admin.AdminExchange.notFound;

import io.github.deepcleermock.mock.MockStreams;
import io.github.deepcleermock.mock.callbacks.EndOfStream;
import io.github.deepcleermock.mock.simulation.Script;
import io.github.deepcleermock.mock.simulation.ScriptJson;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /__admin/streams}: seed, list, read, delete and end streams (by requestId or dupRequestId). */
final class StreamRoutes {

  private final MockStreams streams;
  private final AdminExchange exchange;

  StreamRoutes(MockStreams streams, AdminExchange exchange) {
    this.streams = streams;
    this.exchange = exchange;
  }

  void register(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/streams", this::list);
    routes.post(prefix + "/streams", this::seed);
    routes.get(prefix + "/streams/{requestId}", ctx -> {
      String id = AdminExchange.pathParam(ctx, "requestId");
      exchange.send(ctx, 200, AdminViews.stream(streams.find(id).orElseThrow(() -> notFound("requestId", id)),
          streams.progress(id).orElse(null)));
    });
    routes.delete(prefix + "/streams/{requestId}", ctx -> {
      String id = AdminExchange.pathParam(ctx, "requestId");
      if (!streams.remove(id)) {
        throw notFound("requestId", id);
      }
      ctx.status(204);
    });
    routes.post(prefix + "/streams/{requestId}/end", this::end);
    routes.put(prefix + "/streams/{requestId}/script", ctx -> {
      String id = AdminExchange.pathParam(ctx, "requestId");
      Script script = ScriptJson.script("body", exchange.tree(ctx));
      streams.replaceScript(id, script);
      exchange.send(ctx, 200, AdminViews.stream(streams.find(id).orElseThrow(() -> notFound("requestId", id)),
          streams.progress(id).orElse(null)));
    });
  }

  private void list(Context ctx) {
    String state = ctx.queryParam("state");
    StreamState wanted = state == null ? null : state(state);
    var list = streams.list(ctx.queryParam("accessKey"), wanted);
    exchange.send(ctx, 200, Map.of("streams",
        list.stream().map(s -> AdminViews.stream(s, streams.progress(s.requestId()).orElse(null))).toList()));
  }

  private void seed(Context ctx) throws Exception {
    AdminJson body = exchange.body(ctx);
    body.allowOnly("requestId", "accessKey", "dupRequestIds", "imgCallback", "audioCallback",
        "returnFinishInfo", "data", "state");
    String state = body.text("state");
    StreamState initial = state == null ? StreamState.ACTIVE : state(state);
    Integer returnFinishInfo = body.integer("returnFinishInfo");
    StreamSpec spec =
        StreamSpec.builder()
            .requestId(body.requiredText("requestId"))
            .accessKey(body.requiredText("accessKey"))
            .dupRequestIds(body.texts("dupRequestIds"))
            .imgCallback(body.text("imgCallback"))
            .audioCallback(body.text("audioCallback"))
            .returnFinishInfo(returnFinishInfo == null ? 0 : returnFinishInfo)
            .data(body.object("data"))
            .build();
    var stream = streams.open(spec, initial);
    exchange.send(ctx, 201, AdminViews.stream(stream, streams.progress(stream.requestId()).orElse(null)));
  }

  private void end(Context ctx) throws Exception {
    AdminJson body = exchange.body(ctx);
    body.allowOnly("errorCode", "riskLevel", "pullStreamSuccess");
    Boolean pulled = body.bool("pullStreamSuccess");
    String riskLevel = body.text("riskLevel");
    // What the body leaves out comes from the stream's simulation (worst verdicts, whether it was pulled).
    EndOfStream end = new EndOfStream(body.integer("errorCode"), riskLevel, pulled, riskLevel, null);
    var stream = streams.end(AdminExchange.pathParam(ctx, "requestId"), end);
    exchange.send(ctx, 200, AdminViews.stream(stream, streams.progress(stream.requestId()).orElse(null)));
  }

  private static StreamState state(String value) {
    try {
      return StreamState.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("state: must be ACTIVE, CLOSED or ENDED");
    }
  }
}
