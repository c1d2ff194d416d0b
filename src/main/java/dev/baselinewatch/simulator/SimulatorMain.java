package dev.baselinewatch.simulator;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, for docker compose or a job on a real cluster:
 * {@code java -cp baseline-watch.jar dev.baselinewatch.simulator.SimulatorMain --scenario FILE --port 18080}.
 * Without {@code --scenario} it serves the bundled demo scenario; {@code --replay FILE} serves a recording
 * instead; {@code --truth} prints the scenario's ground truth as JSON lines and exits.
 */
public final class SimulatorMain {

    private static final String USAGE =
            "usage: SimulatorMain [--scenario FILE | --replay RECORDING] [--port 18080] [--bind 127.0.0.1] [--truth]";
    private static final Set<String> WITH_VALUE = Set.of("--scenario", "--replay", "--port", "--bind");
    private static final Set<String> FLAGS = Set.of("--truth");

    private SimulatorMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String scenarioFile = options.get("--scenario");
        String recording = options.get("--replay");
        int port = Integer.parseInt(options.getOrDefault("--port", "18080"));
        String host = options.getOrDefault("--bind", "127.0.0.1");
        if (options.containsKey("--truth")) {
            if (recording != null) {
                fail("--truth needs a scenario, not a recording");
            }
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            ScenarioTruth.writeJsonLines(scenario(scenarioFile), out);
            out.flush();
            return;
        }
        if (recording != null) {
            DataWorksSimulator replay = DataWorksSimulator.replay(Path.of(recording), host, port);
            System.out.println("DataWorks simulator replaying " + recording + " on " + replay.endpoint()
                    + "; test key id " + ScenarioLoader.DEFAULT_KEY_ID);
            closeOnShutdown(replay);
            new CountDownLatch(1).await();
        }
        Scenario scenario = scenario(scenarioFile);
        DataWorksSimulator simulator = DataWorksSimulator.start(scenario, host, port);
        System.out.println("DataWorks simulator: " + simulator.endpoint() + " scenario '" + scenario.name()
                + "', clock " + scenario.speed() + "x from " + scenario.start() + " to " + scenario.end()
                + " (business dates " + scenario.bizdate() + ".." + scenario.lastBizdate() + ", "
                + scenario.instancesPerBizdate() + " instances each)"
                + "; test key id " + String.join(", ", scenario.accessKeys().keySet()));
        closeOnShutdown(simulator);
        new CountDownLatch(1).await();
    }

    private static Scenario scenario(String file) {
        return file == null ? ScenarioLoader.loadResource("scenarios/demo.yaml") : ScenarioLoader.load(Path.of(file));
    }

    private static void closeOnShutdown(DataWorksSimulator simulator) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                simulator.close();
            } catch (Exception e) {
                // Shutting down anyway.
            }
        }));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (FLAGS.contains(args[i])) {
                options.put(args[i], "true");
            } else if (WITH_VALUE.contains(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                fail("unknown or incomplete option " + args[i]);
            }
        }
        return options;
    }

    private static void fail(String problem) {
        System.err.println(problem + "\n" + USAGE);
        System.exit(2);
    }
}
