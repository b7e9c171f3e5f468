/**
 * The seam between the vendor pipelines and where shared state lives: in this process's memory (the default) or in
 * Redis, shared by every instance configured with the same {@code --store redis://...}.
 */
package io.github.deepcleermock.mock.store;
