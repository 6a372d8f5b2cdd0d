/**
 * Chat model adapters: {@link dev.localgpt.adapter.providers.ChatModels} builds a {@link
 * dev.localgpt.ports.llm.ChatModel} from a {@code provider/model} name and {@link
 * dev.localgpt.adapter.providers.ProviderSettings}; {@link
 * dev.localgpt.adapter.providers.ModelDetector} picks one when none is configured.
 */
package dev.localgpt.adapter.providers;
