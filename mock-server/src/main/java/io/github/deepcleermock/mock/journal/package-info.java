/**
 * The request journal: {@link io.github.deepcleermock.mock.journal.Journal}, the seam the vendor endpoints write and
 * the admin API reads, kept by the store (a shared store gets entries as capped text fields from
 * {@link io.github.deepcleermock.mock.journal.JournalFields}); the memory store's
 * {@link io.github.deepcleermock.mock.journal.MemoryJournal} (preallocated seqlock slots, so that a full journal costs young collections nothing, with
 * every request-sized part capped so that its memory is bounded in bytes) and the bounded lock-free
 * {@link io.github.deepcleermock.mock.journal.RecordRing} behind the callback log. Thread-safety: writers claim
 * sequence numbers with one atomic increment and take a slot exclusively (compare-and-set on its sequence number);
 * readers never block and skip a slot being rewritten.
 */
package io.github.deepcleermock.mock.journal;
