package dev.localgpt.app.config;

import dev.localgpt.core.config.ConfigSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A {@link ConfigSource} over a parsed TOML document; tables and arrays become plain maps and
 * lists.
 */
final class TomlConfigSource implements ConfigSource {
  private final String fileName;
  private final TomlParseResult toml;

  TomlConfigSource(String fileName, TomlParseResult toml) {
    this.fileName = fileName;
    this.toml = toml;
  }

  @Override
  public String fileName() {
    return fileName;
  }

  @Override
  public Optional<Object> value(String key) {
    List<String> path = List.of(key.split("\\."));
    if (!toml.contains(path)) {
      return Optional.empty();
    }
    return Optional.ofNullable(plain(toml.get(path)));
  }

  @Override
  public int line(String key) {
    try {
      TomlPosition position = toml.inputPositionOf(List.of(key.split("\\.")));
      return position == null ? 0 : position.line();
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  /**
   * Converts tomlj values to String/Long/Double/Boolean/List/Map; dates and times stay as they are.
   */
  static Object plain(Object value) {
    if (value instanceof TomlTable table) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (String key : table.keySet()) {
        map.put(key, plain(table.get(List.of(key))));
      }
      return map;
    }
    if (value instanceof TomlArray array) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        list.add(plain(array.get(i)));
      }
      return list;
    }
    return value;
  }
}
