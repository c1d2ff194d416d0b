package dev.baselinewatch.score;

import dev.baselinewatch.simulator.CallCounter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Every call a run made until the clock's end, as the simulator received it, as CSV
 * ({@code simulatedTime,action,baselineId,outcome}): for finding out where a poller spends its calls.
 * Listing calls name no baseline.
 */
final class CallLogFile {

    private CallLogFile() {}

    static Path write(String fileName, ScoredRun.Outcome outcome) throws IOException {
        Files.createDirectories(ScoreFiles.DIR);
        Path file = ScoreFiles.DIR.resolve(fileName);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("simulatedTime,action,baselineId,outcome\n");
            for (CallCounter.Call call : outcome.callLog()) {
                out.write(Instant.ofEpochMilli(outcome.clock().simulatedMillisAt(call.wallNanos())) + "," + call.action() + ","
                        + (call.baselineId() == null ? "" : call.baselineId()) + "," + call.outcome() + "\n");
            }
        }
        return file;
    }
}
