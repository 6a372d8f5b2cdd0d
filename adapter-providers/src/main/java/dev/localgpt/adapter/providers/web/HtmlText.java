package dev.localgpt.adapter.providers.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reduces HTML to readable text: drops script/style and tags, keeps block breaks, decodes entities. */
final class HtmlText {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title\\s*>", FLAGS);
  private static final Pattern COMMENTS = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern INVISIBLE = Pattern.compile(
      "<(script|style|noscript|template|svg|head|iframe)\\b[^>]*>.*?</\\1\\s*>", FLAGS);
  private static final Pattern BLOCK = Pattern.compile(
      "</?(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|nav|main|aside|blockquote|pre|hr"
          + "|dd|dt|dl|figure|figcaption|form)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
      Map.entry("hellip", "…"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("laquo", "«"),
      Map.entry("raquo", "»"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"),
      Map.entry("rdquo", "”"), Map.entry("euro", "€"), Map.entry("middot", "·"), Map.entry("bull", "•"));

  private HtmlText() {}

  static String title(String html) {
    Matcher m = TITLE.matcher(html);
    return m.find() ? collapse(decode(TAG.matcher(m.group(1)).replaceAll(" "))).strip() : "";
  }

  static String text(String html) {
    String s = COMMENTS.matcher(html).replaceAll(" ");
    s = INVISIBLE.matcher(s).replaceAll(" ");
    s = BLOCK.matcher(s).replaceAll("\n");
    s = TAG.matcher(s).replaceAll("");
    return collapse(decode(s)).strip();
  }

  static String decode(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value;
      if (name.startsWith("#x") || name.startsWith("#X")) {
        value = codePoint(Integer.parseInt(name.substring(2), 16));
      } else if (name.startsWith("#")) {
        value = codePoint(Integer.parseInt(name.substring(1)));
      } else {
        value = NAMED.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(int cp) {
    return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "\uFFFD";
  }

  /** Spaces and tabs to one space per line, lines trimmed, runs of blank lines to one. */
  static String collapse(String s) {
    String[] lines = s.replace("\r", "").split("\n", -1);
    StringBuilder out = new StringBuilder();
    boolean blank = false;
    for (String line : lines) {
      String l = line.replaceAll("[ \\t\\u00a0\\f]+", " ").strip();
      if (l.isEmpty()) {
        blank = !out.isEmpty();
        continue;
      }
      if (!out.isEmpty()) {
        out.append(blank ? "\n\n" : "\n");
      }
      out.append(l);
      blank = false;
    }
    return out.toString();
  }
}
