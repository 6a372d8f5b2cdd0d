package dev.localgpt.adapter.providers.http;

import dev.localgpt.ports.llm.ChatListener;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * An HTTP call whose response is being streamed, watched for cancellation: while it is open, the
 * listener's {@link ChatListener#isCancelled()} is polled every 100 ms and the call is cancelled as
 * soon as it says so, so a Ctrl-C does not wait for the next event of a slow stream.
 */
public final class StreamingCall implements AutoCloseable {
  private static final ScheduledExecutorService WATCHER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "chat-cancel-watch");
            thread.setDaemon(true);
            return thread;
          });

  private final Call call;
  private final ScheduledFuture<?> watch;
  private Response response;

  StreamingCall(Call call, ChatListener listener) {
    this.call = call;
    this.watch =
        WATCHER.scheduleWithFixedDelay(
            () -> {
              if (listener.isCancelled()) {
                call.cancel();
              }
            },
            100,
            100,
            TimeUnit.MILLISECONDS);
  }

  void response(Response response) {
    this.response = response;
  }

  /** The body of the 2xx response; null when the call was cancelled before it arrived. */
  public BufferedSource source() {
    return response == null ? null : response.body().source();
  }

  /** Whether the listener cancelled the call (a read failure after this is not an error). */
  public boolean cancelled() {
    return call.isCanceled();
  }

  @Override
  public void close() {
    watch.cancel(false);
    if (response != null) {
      response.close();
    }
  }
}
