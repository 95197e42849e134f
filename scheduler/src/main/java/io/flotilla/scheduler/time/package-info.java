/** Virtual time as integer nanoseconds, and its one text form for files, logs and output. */
package io.flotilla.scheduler.time;
