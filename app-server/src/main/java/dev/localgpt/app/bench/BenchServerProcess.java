package dev.localgpt.app.bench;

import dev.localgpt.app.daemon.IdleHeapTrim;
import dev.localgpt.app.wiring.Wiring;
import dev.localgpt.app.wiring.WiringOptions;
import dev.localgpt.server.LocalGptServer;
import dev.localgpt.server.ServerLimits;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The server process that {@code localgpt bench server} measures: the app's server for the home in
 * {@code args[0]} on a free port, without the rate limit (every benchmark client is 127.0.0.1).
 * Prints {@code PORT n}, serves until its standard input closes, then stops.
 */
public final class BenchServerProcess {
  private BenchServerProcess() {}

  public static void main(String[] args) throws IOException {
    WiringOptions options = WiringOptions.of(System.getenv()).withHome(Path.of(args[0]));
    LocalGptServer wired = Wiring.get(Wiring.injector(options), LocalGptServer.class);
    LocalGptServer server =
        wired.toBuilder().port(0).limits(ServerLimits.DEFAULTS.withoutRateLimit()).build();
    server.start();
    IdleHeapTrim.startIfSerial(server::requestsReceived); // as the daemon does
    System.out.println("PORT " + server.port());
    System.out.flush();
    while (System.in.read() >= 0) {
      // serve until the benchmark closes our stdin
    }
    server.stop();
    System.exit(0);
  }
}
