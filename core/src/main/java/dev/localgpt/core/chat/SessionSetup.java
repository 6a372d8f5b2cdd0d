package dev.localgpt.core.chat;

import dev.localgpt.core.agent.AgentLoop;
import dev.localgpt.core.agent.MemoryOnlyChatModel;
import dev.localgpt.core.agent.prompt.SystemPromptBuilder;
import dev.localgpt.core.agent.tools.StandardTools;
import dev.localgpt.core.agent.tools.ToolBox;
import dev.localgpt.core.session.Compactor;
import dev.localgpt.core.session.ContextBudget;
import dev.localgpt.core.session.MemoryCheckpoint;
import dev.localgpt.core.skills.SkillLoader;
import dev.localgpt.core.skills.SkillSet;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ToolSpec;

/**
 * What is fixed for one session and one model: the skills snapshot, the tools, the system prompt
 * (built once, as LocalGPT does), the agent loop, the budget and the compactor. In memory-only mode
 * there are no tools and the checkpoint and summary use their plain fallbacks.
 */
record SessionSetup(
    ChatModel model,
    SkillSet skills,
    ToolBox tools,
    String systemPrompt,
    AgentLoop loop,
    ContextBudget budget,
    Compactor compactor) {

  static SessionSetup create(ChatSetup setup, ChatModel model) {
    boolean memoryOnly = isMemoryOnly(model);
    SkillLoader loader = setup.skills();
    SkillSet skills =
        loader == null ? SkillSet.EMPTY : loader.reserving(SlashCommands.BUILTINS).load();
    ToolBox tools =
        memoryOnly
            ? ToolBox.empty()
            : StandardTools.create(
                setup.workspace(),
                setup.memory(),
                setup.webFetcher(),
                setup.tools(),
                setup.approval(),
                setup.toolSource());
    String prompt =
        new SystemPromptBuilder(setup.workspace(), setup.clock(), setup.zone())
            .tools(tools.tools())
            .skills(skills.promptEntries())
            .model(model.id())
            .build();
    int window = setup.contextWindow() > 0 ? setup.contextWindow() : model.contextWindow();
    ContextBudget budget = new ContextBudget(window, setup.reserveTokens());
    ChatModel summariser = memoryOnly ? null : model;
    MemoryCheckpoint checkpoint =
        new MemoryCheckpoint(setup.workspace().base(), summariser, setup.clock(), setup.zone());
    return new SessionSetup(
        model,
        skills,
        tools,
        prompt,
        new AgentLoop(model, tools, setup.agent(), prompt),
        budget,
        new Compactor(summariser, checkpoint));
  }

  static boolean isMemoryOnly(ChatModel model) {
    return model instanceof MemoryOnlyChatModel || MemoryOnlyChatModel.ID.equals(model.id());
  }

  int toolTokens() {
    int tokens = 0;
    for (ToolSpec spec : tools.specs()) {
      tokens += ContextBudget.estimate(spec.name() + spec.description() + spec.parametersSchema());
    }
    return tokens;
  }
}
