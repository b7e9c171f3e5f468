package io.github.deepcleermock.benchmarks.peers;

import io.javalin.Javalin;

/**
 * A Javalin 7 app with one close route returning fixed bytes and every other default untouched: the cost of
 * Javalin itself, which the mock (also on Javalin) pays too.
 */
public final class BareJavalinServer implements AutoCloseable {
  private final Javalin app;

  private BareJavalinServer(Javalin app) {
    this.app = app;
  }

  /** Starts the app on 127.0.0.1 at {@code port} (0 picks a free one). */
  public static BareJavalinServer start(int port) {
    byte[] answer = CloseAnswer.bytes();
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.routes.post(
                  CloseAnswer.PATH, ctx -> ctx.contentType(CloseAnswer.CONTENT_TYPE).result(answer));
            });
    app.start("127.0.0.1", port);
    return new BareJavalinServer(app);
  }

  /** The port actually bound. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  /** Runs the app until the process is killed; args: {@code [port]} (default 8082). */
  public static void main(String[] args) {
    BareJavalinServer bare = start(args.length > 0 ? Integer.parseInt(args[0]) : 8082);
    System.out.println("BareJavalinServer listening on http://127.0.0.1:" + bare.port());
  }
}
