/**
 * The HTTP edge: a Jetty core handler ({@code EdgeHandler}) in front of Javalin serves the vendor paths and reads
 * every body without blocking ({@code BodyReader}: a byte limit and a deadline per endpoint), Jetty's own errors are
 * answered as JSON, and Javalin carries the admin API; answer rendering, delays and transport faults live here too.
 * The only place besides {@code admin} that sees Javalin and Jetty types. Thread-safety: handlers are stateless; a
 * body being read belongs to its reading (Jetty runs its demand callbacks one at a time; the deadline races them
 * through an atomic flag and a lock on the buffer); delayed answers are held in a concurrent map and written by the
 * time source's scheduler.
 */
package io.github.deepcleermock.mock.http;
