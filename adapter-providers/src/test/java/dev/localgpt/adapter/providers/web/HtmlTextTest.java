package dev.localgpt.adapter.providers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void keepsLinkTextAndLineBreaksAndDropsWhatIsNeverShown() {
    String html =
        "<html><head><title> A &lt;b&gt; </title><script>var x = '<p>no</p>';</script></head><body>"
            + "<nav>Go <a href=\"/home\">home</a> now</nav><p>one<br>two</p><template><p>hidden</p></template>"
            + "<div>  spaced\t\tout  </div><table><tr><td>a</td><td>b</td></tr></table><svg><text>logo</text></svg>"
            + "</body></html>";

    assertThat(HtmlText.title(html)).isEqualTo("A <b>");
    assertThat(HtmlText.text(html)).isEqualTo("Go home now\n\none\ntwo\n\nspaced out\n\nab");
  }

  @Test
  void brokenMarkupStillGivesItsText() {
    assertThat(HtmlText.text("<p>unclosed <b>bold <i>both</p><p>next"))
        .isEqualTo("unclosed bold both\n\nnext");
    assertThat(HtmlText.title("<p>no title</p>")).isEmpty();
  }
}
