package dev.localgpt.app.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code clients} threads each send one request after another for a fixed time.
 */
final class LoadRun {
  private LoadRun() {}

  /** Where to send: a shared HTTP/1.1 client and the server's base URL. */
  record Target(HttpClient client, String base) {}

  /**
   * @param serverCpuMillisPerRequest the server process's CPU time (all its threads) during the run
   *     divided by the requests answered: on a machine shared with other work, the steadier figure
   */
  record Result(
      int requests,
      int errors,
      double perSecond,
      double p50Millis,
      double p99Millis,
      double serverCpuMillisPerRequest,
      long peakRssKb) {}

  /** CPU time the process {@code pid} has used so far, in nanoseconds (0 when unknown). */
  static long cpuNanos(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(p -> p.info().totalCpuDuration())
        .map(java.time.Duration::toNanos)
        .orElse(0L);
  }

  static void warm(Target target, List<String> paths, int n) {
    for (int i = 0; i < n; i++) {
      ServerBenchRun.ok(target.client(), target.base() + paths.get(i % paths.size()));
    }
  }

  static Result run(Target target, List<String> paths, int clients, Duration length, long serverPid)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    AtomicLong peak = new AtomicLong(ServerBenchRun.Rss.kb(serverPid));
    List<long[]> perClient = new ArrayList<>();
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!stop.get()) {
                    peak.accumulateAndGet(ServerBenchRun.Rss.kb(serverPid), Math::max);
                    try {
                      Thread.sleep(200);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    long started = System.nanoTime();
    long cpuStart = cpuNanos(serverPid);
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(
            pool.submit(
                () -> {
                  long[] nanos = new long[1024];
                  int n = 0;
                  while (!stop.get()) {
                    String uri =
                        target.base()
                            + paths.get(Math.floorMod(next.getAndIncrement(), paths.size()));
                    long t = System.nanoTime();
                    boolean ok = ServerBenchRun.ok(target.client(), uri);
                    long took = System.nanoTime() - t;
                    if (!ok) {
                      errors.incrementAndGet();
                    }
                    if (n == nanos.length) {
                      nanos = Arrays.copyOf(nanos, n * 2);
                    }
                    nanos[n++] = took;
                  }
                  return Arrays.copyOf(nanos, n);
                }));
      }
      Thread.sleep(length.toMillis());
      stop.set(true);
      for (Future<long[]> f : futures) {
        try {
          perClient.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          errors.incrementAndGet();
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuMillis = (cpuNanos(serverPid) - cpuStart) / 1e6;
    sampler.interrupt();
    long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    if (all.length == 0) {
      return new Result(0, errors.get(), 0, 0, 0, 0, peak.get());
    }
    return new Result(
        all.length,
        errors.get(),
        all.length / seconds,
        all[all.length / 2] / 1e6,
        all[Math.min(all.length - 1, (int) Math.ceil(all.length * 0.99) - 1)] / 1e6,
        cpuMillis / all.length,
        peak.get());
  }
}
