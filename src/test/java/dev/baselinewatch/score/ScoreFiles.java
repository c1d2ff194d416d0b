package dev.baselinewatch.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where scores, benchmark results and generated job configs go: {@code target/score/}. */
final class ScoreFiles {

    static final Path DIR = Path.of("target", "score");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScoreFiles() {}

    /** A scenario name made safe for a file name. */
    static String safeName(String name) {
        String safe = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return safe.isBlank() ? "scenario" : safe;
    }

    static Path writeJson(String fileName, Object value) throws IOException {
        Files.createDirectories(DIR);
        Path file = DIR.resolve(fileName);
        JSON.writeValue(file.toFile(), value);
        return file;
    }
}
