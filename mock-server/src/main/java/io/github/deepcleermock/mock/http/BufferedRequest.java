package io.github.deepcleermock.mock.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** A request whose body the edge already read whole: it is served from memory, so no later read can block. */
final class BufferedRequest extends Request.Wrapper {

  private Content.Chunk next;

  BufferedRequest(Request request, ReceivedBody body) {
    super(request);
    this.next = Content.Chunk.from(ByteBuffer.wrap(body.bytes(), 0, body.length()), true);
  }

  @Override
  public synchronized Content.Chunk read() {
    Content.Chunk chunk = next;
    next = Content.Chunk.EOF;
    return chunk;
  }

  @Override
  public void demand(Runnable demandCallback) {
    // Everything is here already.
    demandCallback.run();
  }
}
