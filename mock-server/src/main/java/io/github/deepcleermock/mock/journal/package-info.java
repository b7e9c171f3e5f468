/**
 * The request journal and the bounded lock-free {@link io.github.deepcleermock.mock.journal.RecordRing} it (and the
 * callback log) is built on. Thread-safety: writers claim slots with one atomic increment; readers never block.
 */
package io.github.deepcleermock.mock.journal;
