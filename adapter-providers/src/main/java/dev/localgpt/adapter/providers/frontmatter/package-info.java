/**
 * YAML front matter of Markdown files (SKILL.md), read with Jackson's YAML parser into the ports'
 * JSON values.
 */
package dev.localgpt.adapter.providers.frontmatter;
