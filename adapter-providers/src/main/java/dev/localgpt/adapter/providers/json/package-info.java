/**
 * Jackson ↔ the ports' JSON value model ({@link dev.localgpt.ports.json.JsonValue}): the adapters'
 * one JSON bridge.
 */
package dev.localgpt.adapter.providers.json;
