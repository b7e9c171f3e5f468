/** The default store: this process's memory, today's lock-free code behind the store interfaces. */
package io.github.deepcleermock.mock.store.memory;
