/** The {@code flotilla} command line: run, validate, explain, compare, examples; exit codes 0/1/2/3. */
package io.flotilla.scenarios.cli;
