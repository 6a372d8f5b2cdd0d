package dev.localgpt.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates command objects, handing the {@link CliContext} to those whose constructor takes one. */
final class CliFactory implements CommandLine.IFactory {
  private final CliContext context;

  CliFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
      constructor.setAccessible(true);
      return constructor.newInstance(context);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}
