/** In-process llama.cpp ({@code de.kherud:llama}) running a GGUF file the user names. */
package dev.localgpt.adapter.providers.llamacpp;
