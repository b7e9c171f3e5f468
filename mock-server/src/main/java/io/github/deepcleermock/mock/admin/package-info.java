/**
 * The control plane under {@code /__admin} (Javalin handlers over the feature packages).
 * Thread-safety: handlers are stateless; they act on the thread-safe registries.
 */
package io.github.deepcleermock.mock.admin;
