/**
 * The request journal (preallocated seqlock slots, so that a full journal costs young collections nothing) and the
 * bounded lock-free {@link io.github.deepcleermock.mock.journal.RecordRing} behind the callback log.
 * Thread-safety: writers claim slots with one atomic increment; readers never block and skip a slot being rewritten.
 */
package io.github.deepcleermock.mock.journal;
