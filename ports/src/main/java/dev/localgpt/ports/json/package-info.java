/**
 * A small immutable JSON value model ({@link dev.localgpt.ports.json.JsonValue}) in which JSON
 * crosses the ports: tool-call arguments, tool schemas, skill front matter. Adapters parse and
 * serialise it with their libraries; core only builds and reads values. {@code toString()} gives
 * compact JSON text, for display and size estimates.
 */
package dev.localgpt.ports.json;
