package dev.baselinewatch.testing;

import dev.baselinewatch.dataworks.DataWorksHttpClient;
import dev.baselinewatch.dataworks.StaticCredentials;
import dev.baselinewatch.simulator.DataWorksSimulator;
import dev.baselinewatch.simulator.ScenarioLoader;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;

/** The real DataWorks client, pointed at a simulator with its published test key: how tests talk to the simulator. */
public final class SimulatorClients {

    private SimulatorClients() {}

    /** Project zone +08:00, 2 s to connect, 5 s to answer. */
    public static DataWorksHttpClient client(DataWorksSimulator simulator) {
        return client(simulator.endpoint(), Duration.ofSeconds(5));
    }

    public static DataWorksHttpClient client(URI endpoint, Duration readTimeout) {
        return new DataWorksHttpClient(endpoint, ZoneOffset.ofHours(8), Duration.ofSeconds(2), readTimeout,
                new StaticCredentials(ScenarioLoader.DEFAULT_KEY_ID, ScenarioLoader.DEFAULT_KEY_SECRET));
    }
}
