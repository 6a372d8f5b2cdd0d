/** One class per {@code localgpt} command group ({@code config}, {@code workspace}, ...). */
package dev.localgpt.cli.commands;
