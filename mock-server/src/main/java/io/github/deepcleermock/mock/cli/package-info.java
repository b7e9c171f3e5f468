/**
 * The standalone command line (picocli) and its YAML configuration file.
 * Thread-safety: runs once on the main thread; the mock it starts is thread-safe.
 */
package io.github.deepcleermock.mock.cli;
