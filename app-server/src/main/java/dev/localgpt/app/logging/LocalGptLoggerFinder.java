package dev.localgpt.app.logging;

import java.util.ResourceBundle;
import java.util.function.Supplier;

/** The {@code System.LoggerFinder} of the apps: every logger writes through {@link LogSink}. */
public final class LocalGptLoggerFinder extends System.LoggerFinder {
  @Override
  public System.Logger getLogger(String name, Module module) {
    return new SinkLogger(name);
  }

  /** A named logger; whether a level is logged is decided by the sink, at each call. */
  private record SinkLogger(String name) implements System.Logger {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isLoggable(Level level) {
      return LogSink.isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
      if (isLoggable(level)) {
        LogSink.write(level, name, message, thrown);
      }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      if (isLoggable(level)) {
        String message =
            params == null || params.length == 0
                ? format
                : java.text.MessageFormat.format(format, params);
        LogSink.write(level, name, message, null);
      }
    }

    @Override
    public void log(Level level, Supplier<String> message) {
      if (isLoggable(level)) {
        LogSink.write(level, name, message.get(), null);
      }
    }
  }
}
