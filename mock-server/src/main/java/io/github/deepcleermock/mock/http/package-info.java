/**
 * Javalin wiring of the vendor endpoint: body reading, answer rendering, delays and transport faults. The only
 * place besides {@code admin} that sees Javalin types. Thread-safety: handlers are stateless; delayed answers are
 * held in a concurrent map and written by the time source's scheduler.
 */
package io.github.deepcleermock.mock.http;
