/** Small text helpers shared by several features. */
package dev.localgpt.core.text;
