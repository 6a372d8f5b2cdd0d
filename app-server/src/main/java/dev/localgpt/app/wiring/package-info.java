/**
 * The composition root: one Guice module per feature ({@link dev.localgpt.app.wiring.ConfigModule},
 * {@link dev.localgpt.app.wiring.WorkspaceModule}, {@link dev.localgpt.app.wiring.MemoryModule},
 * {@link dev.localgpt.app.wiring.ChatModule}), each binding ports to their adapters and the core
 * services above them with {@code @Provides} methods. {@link dev.localgpt.app.wiring.Wiring} builds
 * the injector the CLI (picocli's factory), the server and the library builder {@link
 * dev.localgpt.LocalGpt} all take their objects from; replacing a port is one {@code
 * Modules.override}. Core and adapters have plain constructors and never see Guice.
 */
package dev.localgpt.app.wiring;
