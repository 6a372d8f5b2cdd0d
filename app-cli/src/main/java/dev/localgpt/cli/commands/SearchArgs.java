package dev.localgpt.cli.commands;

import java.util.Optional;

/**
 * The arguments of {@code memory search} read without picocli (its classes are too old for the AOT
 * cache, and building its model was the largest part of a search's start). Only the forms picocli
 * reads the same way are taken: {@code memory search QUERY} with, in any order, {@code -l N},
 * {@code -lN}, {@code -l=N}, {@code --limit N}, {@code --limit=N}, {@code --silo S}, {@code
 * --silo=S}, {@code --explain}, {@code --json} and {@code --local}, each at most once. Anything
 * else (help, global options, a second word, a limit below 1, a repeated option) is left to
 * picocli, which runs it or reports the error as usual.
 *
 * @param limit {@code -l}; null when not given (then {@code memory.max_results})
 * @param silo {@code --silo}; null when not given
 */
public record SearchArgs(
    String query, Integer limit, String silo, boolean explain, boolean json, boolean local) {

  /** The search these arguments ask for, or empty when picocli must read them. */
  public static Optional<SearchArgs> parse(String... args) {
    if (args.length < 3 || !args[0].equals("memory") || !args[1].equals("search")) {
      return Optional.empty();
    }
    Builder b = new Builder();
    for (int i = 2; i < args.length; i++) {
      String a = args[i];
      boolean ok;
      if (a.equals("--json") || a.equals("--explain") || a.equals("--local")) {
        ok = b.flag(a);
      } else if ((a.equals("-l") || a.equals("--limit") || a.equals("--silo"))
          && i + 1 < args.length) {
        ok = b.option(a.equals("--silo") ? "--silo" : "-l", args[++i]);
      } else if (a.startsWith("--limit=")) {
        ok = b.option("-l", a.substring("--limit=".length()));
      } else if (a.startsWith("-l=")) {
        ok = b.option("-l", a.substring(3));
      } else if (a.startsWith("-l") && a.length() > 2 && Character.isDigit(a.charAt(2))) {
        ok = b.option("-l", a.substring(2));
      } else if (a.startsWith("--silo=")) {
        ok = b.option("--silo", a.substring("--silo=".length()));
      } else if (!a.startsWith("-") && b.query == null) {
        b.query = a;
        ok = true;
      } else {
        ok = false;
      }
      if (!ok) {
        return Optional.empty();
      }
    }
    if (b.query == null) {
      return Optional.empty();
    }
    return Optional.of(new SearchArgs(b.query, b.limit, b.silo, b.explain, b.json, b.local));
  }

  private static final class Builder {
    String query;
    Integer limit;
    String silo;
    boolean explain;
    boolean json;
    boolean local;

    boolean flag(String name) {
      boolean seen =
          switch (name) {
            case "--json" -> json;
            case "--explain" -> explain;
            default -> local;
          };
      switch (name) {
        case "--json" -> json = true;
        case "--explain" -> explain = true;
        default -> local = true;
      }
      return !seen;
    }

    boolean option(String name, String value) {
      if (name.equals("--silo")) {
        if (silo != null || value.startsWith("-")) {
          return false;
        }
        silo = value;
        return true;
      }
      if (limit != null) {
        return false;
      }
      try {
        limit = Integer.valueOf(value);
      } catch (NumberFormatException e) {
        return false;
      }
      return limit >= 1;
    }
  }
}
