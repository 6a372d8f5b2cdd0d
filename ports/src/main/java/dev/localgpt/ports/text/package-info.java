/**
 * Reading structured text formats that files of the workspace carry, e.g. the YAML front matter of
 * SKILL.md.
 */
package dev.localgpt.ports.text;
