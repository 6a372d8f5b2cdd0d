package dev.localgpt.cli.commands;

import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.cli.daemon.DaemonChat;
import dev.localgpt.cli.daemon.DaemonClient;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ask} answered by the daemon: the same output as a local ask (text streamed, or JSON). */
final class RemoteAsk {
  private RemoteAsk() {}

  static int run(
      CliContext context, DaemonClient daemon, String question, String model, boolean json) {
    if (json) {
      DaemonChat.Reply reply = daemon.chat().ask(question, model);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("question", question);
      out.put("response", reply.text());
      out.put("model", reply.model());
      context.printJson(out);
    } else {
      ToolProgress progress = new ToolProgress(context.out(), context.err());
      daemon.chat().askStreaming(question, model, progress);
      progress.finish();
    }
    return ExitCodes.OK;
  }
}
