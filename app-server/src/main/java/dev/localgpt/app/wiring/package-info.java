/**
 * The composition root: one Guice module per feature, each with {@code @Provides} methods that call the plain
 * factories in {@link dev.localgpt.app.wiring.Components}, which the library builder {@link dev.localgpt.LocalGpt}
 * calls too; so there is one wiring, used by the CLI, the server and the library.
 */
package dev.localgpt.app.wiring;
