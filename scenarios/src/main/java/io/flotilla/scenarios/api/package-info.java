/** Running scenarios from Java code, for JUnit tests that assert scheduling outcomes. */
package io.flotilla.scenarios.api;
