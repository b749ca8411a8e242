/** What every command shares: option checks, exit codes, error handling and text output. */
package dev.tapegrad.examples.cli;
