/**
 * What both vendor endpoints share: the catalogue of result codes. Thread-safety: immutable.
 */
package io.github.deepcleermock.mock.pipeline;
