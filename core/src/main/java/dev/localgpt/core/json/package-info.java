/**
 * Core's own small JSON code (core has no JSON library): one reader with a strict dialect for tool arguments and a
 * lenient JSON5-ish one for skill metadata ({@link dev.localgpt.core.json.Json}), and a writer for string literals
 * and numbers ({@link dev.localgpt.core.json.JsonWriter}).
 */
package dev.localgpt.core.json;
