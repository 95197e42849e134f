/**
 * The report a teacher projects: {@code run --report} and {@code compare --report} write one
 * self-contained HTML page (its style and script inline, nothing fetched) that draws the run from
 * its event log: a lane per node with each task's states, what is true beside what the manager
 * believes, the faults on the time axis, a scrubber that shows the cluster at any moment, and the
 * expectations linked to theirs. {@link ReportData} reads the log into the JSON the page embeds;
 * {@link HtmlReport} puts it into the template {@code report.html}; large clusters are drawn as
 * summaries by the page itself.
 */
package io.flotilla.scenarios.report;
