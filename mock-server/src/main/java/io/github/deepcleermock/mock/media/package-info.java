/**
 * Placeholder media for result callbacks: frame pictures (PNG) and audio segments (WAV), generated with the JDK.
 * Thread-safety: stateless pure functions.
 */
package io.github.deepcleermock.mock.media;
