package dev.baselinewatch.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, for docker compose or a job on a real cluster:
 * {@code java -cp baseline-watch.jar dev.baselinewatch.simulator.SimulatorMain --scenario FILE --port 18080}.
 * Without {@code --scenario} it serves the bundled demo scenario; {@code --replay FILE} serves a recording instead.
 */
public final class SimulatorMain {

    private SimulatorMain() {}

    public static void main(String[] args) throws Exception {
        String scenarioFile = option(args, "--scenario", null);
        String recording = option(args, "--replay", null);
        int port = Integer.parseInt(option(args, "--port", "18080"));
        String host = option(args, "--bind", "127.0.0.1");
        if (recording != null) {
            DataWorksSimulator replay = DataWorksSimulator.replay(Path.of(recording), host, port);
            System.out.println("DataWorks simulator replaying " + recording + " on " + replay.endpoint()
                    + "; test key id " + ScenarioLoader.DEFAULT_KEY_ID);
            closeOnShutdown(replay);
            new CountDownLatch(1).await();
        }
        Scenario scenario = scenarioFile == null ? ScenarioLoader.loadResource("scenarios/demo.yaml") : ScenarioLoader.load(Path.of(scenarioFile));
        DataWorksSimulator simulator = DataWorksSimulator.start(scenario, host, port);
        System.out.println("DataWorks simulator: " + simulator.endpoint() + " scenario '" + scenario.name()
                + "', clock " + scenario.speed() + "x from " + scenario.start()
                + "; test key id " + String.join(", ", scenario.accessKeys().keySet()));
        closeOnShutdown(simulator);
        new CountDownLatch(1).await();
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

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
