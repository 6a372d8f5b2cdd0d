/**
 * Skills in OpenClaw's format: {@code skills/<dir>/SKILL.md} with a YAML front matter, read through
 * the {@link dev.localgpt.ports.text.FrontMatterParser} port. Discovered, parsed, checked for
 * eligibility and listed to the model; invoked as {@code /command [args]}. Skills are never
 * executed or installed by this code: the model reads a skill's file and follows it with its normal
 * tools.
 */
package dev.localgpt.core.skills;
