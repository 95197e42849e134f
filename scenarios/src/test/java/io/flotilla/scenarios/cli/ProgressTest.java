package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunProgress;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.EventLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The progress line, on a clock the test moves: nothing in the first second, then a line rewritten
 * in place at most every 100 ms, wiped at the end; and a run cut into steps for it logs exactly what
 * a run in one go logs.
 */
class ProgressTest {

    private static final long MS = 1_000_000L;

    private static EventLog placed(int tasks) {
        long[] now = {0};
        EventLog log = new EventLog(() -> now[0]);
        for (int i = 0; i < tasks; i++) {
            log.append(new TaskStateChanged("web." + i, "worker-1", TaskState.ASSIGNED, "scheduler assigned task to node", null));
        }
        return log;
    }

    @Test
    void quietForASecondThenEveryTenthOfASecondThenWiped() {
        long[] wall = {0};
        StringWriter err = new StringWriter();
        try (Progress progress = new Progress(new PrintWriter(err), () -> wall[0])) {
            EventLog log = placed(1200);
            wall[0] = 900 * MS;
            progress.reached(30_000 * MS, 3_600_000 * MS, log);
            assertEquals("", err.toString(), "within the first second");
            wall[0] = 1000 * MS;
            progress.reached(60_000 * MS, 3_600_000 * MS, log);
            assertEquals("\r\033[Kflotilla: simulated 1m of 1h, 1,200 tasks placed", err.toString());
            wall[0] = 1050 * MS;
            progress.reached(90_000 * MS, 3_600_000 * MS, log);
            assertEquals("\r\033[Kflotilla: simulated 1m of 1h, 1,200 tasks placed", err.toString(), "not again within 100 ms");
            wall[0] = 1100 * MS;
            progress.reached(120_000 * MS, 3_600_000 * MS, log);
            assertEquals("\r\033[Kflotilla: simulated 1m of 1h, 1,200 tasks placed\r\033[Kflotilla: simulated 2m of 1h,"
                    + " 1,200 tasks placed", err.toString());
        }
        assertEquals("\r\033[K", err.toString().substring(err.toString().length() - 4), "wiped at the end");
    }

    @Test
    void aQuickRunPrintsNothing() {
        StringWriter err = new StringWriter();
        try (Progress progress = new Progress(new PrintWriter(err), () -> 0)) {
            progress.reached(60_000 * MS, 120_000 * MS, placed(3));
        }
        assertEquals("", err.toString());
    }

    @Test
    void notOnATerminalTheRunIsNotCutIntoSteps() {
        assertSame(RunProgress.NONE, Progress.on(Terminal.NONE, new PrintWriter(new StringWriter())).listener());
    }

    @Test
    void aRunCutIntoStepsLogsTheSameBytes() {
        var scenario = new ScenarioParser().parse("steps.yaml", """
                scenario: steps
                seed: 4
                until: 2m
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 3}
                networks:
                  front: {}
                services:
                  web: {image: "nginx:1.27", networks: [front], deploy: {replicas: 5}}
                timeline:
                  - {at: 30s, crash: worker-2}
                  - {at: 1m, restart: worker-2}
                """).scenario().orElseThrow();
        RunResult whole = ScenarioRunner.run(scenario, RunOptions.DEFAULT);
        int[] steps = {0};
        RunResult stepped = ScenarioRunner.run(scenario, RunOptions.DEFAULT, (now, until, log) -> steps[0]++);
        assertEquals(whole.log().toJsonLines(), stepped.log().toJsonLines());
        assertEquals(500, steps[0]);
    }
}
