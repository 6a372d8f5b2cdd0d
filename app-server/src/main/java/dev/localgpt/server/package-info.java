/**
 * The self-hosted HTTP server (Helidon SE 4 WebServer): {@link dev.localgpt.server.LocalGptServer}
 * and the routing shared by every resource (errors as JSON, auth, limits, CORS). Each resource is
 * one {@code HttpService} in a sub-package, a plain function of its collaborators; the Guice {@code
 * ServerModule} in {@code dev.localgpt.app.wiring} builds them from the one graph.
 */
package dev.localgpt.server;
