package dev.localgpt.adapter.providers.web;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Reduces HTML to readable text with jsoup: drops what is never shown (head, scripts, styles,
 * templates, ...), keeps the text of everything else (links included), turns block elements into
 * line breaks and decodes entities.
 */
final class HtmlText {
  private static final String INVISIBLE = "head, script, style, noscript, template, svg, iframe";
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "br",
          "li",
          "ul",
          "ol",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "tr",
          "table",
          "section",
          "article",
          "header",
          "footer",
          "nav",
          "main",
          "aside",
          "blockquote",
          "pre",
          "hr",
          "dd",
          "dt",
          "dl",
          "figure",
          "figcaption",
          "form");

  private HtmlText() {}

  static String title(String html) {
    return Jsoup.parse(html).title().strip();
  }

  static String text(String html) {
    Document doc = Jsoup.parse(html);
    doc.select(INVISIBLE).remove();
    StringBuilder out = new StringBuilder();
    doc.body()
        .traverse(
            new NodeVisitor() {
              @Override
              public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                  out.append(text.getWholeText());
                } else if (isBlock(node)) {
                  out.append('\n');
                }
              }

              @Override
              public void tail(Node node, int depth) {
                if (isBlock(node) && !((Element) node).normalName().equals("br")) {
                  out.append('\n');
                }
              }
            });
    return collapse(out.toString()).strip();
  }

  private static boolean isBlock(Node node) {
    return node instanceof Element e && BLOCKS.contains(e.normalName());
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
