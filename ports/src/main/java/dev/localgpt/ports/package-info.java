/**
 * The ports of LocalGPT: the interfaces, value records and exceptions through which the domain
 * ({@code core}) talks to technology (SQLite, ONNX, HTTP providers, files, clocks). JDK only. One
 * sub-package per family.
 */
package dev.localgpt.ports;
