package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.app.logging.LogSink;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.LoggingConfig;
import dev.localgpt.core.workspace.LocalGptHome;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Provides the {@link WiringOptions}, the {@link LocalGptHome}, the loaded {@link LocalGptConfig}
 * (loading it also points the apps' log files at its {@code [logging]} settings), the clock and the
 * injector's {@link Resources}.
 */
public final class ConfigModule extends AbstractModule {
  private final WiringOptions options;

  public ConfigModule(WiringOptions options) {
    this.options = options;
  }

  @Override
  protected void configure() {
    bind(Resources.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  WiringOptions options() {
    return options;
  }

  @Provides
  @Singleton
  LocalGptHome home() {
    return Components.home(options);
  }

  @Provides
  @Singleton
  LocalGptConfig config(LocalGptHome home, Clock clock) {
    LocalGptConfig config = Components.config(home, options);
    LoggingConfig logging = config.logging();
    LogSink.configure(
        logging.file().toAbsolutePath().getParent(),
        logging.level(),
        logging.retentionDays(),
        clock.withZone(ZoneId.systemDefault()));
    return config;
  }

  @Provides
  Clock clock() {
    return Clock.systemUTC();
  }
}
