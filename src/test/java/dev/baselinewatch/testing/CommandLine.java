package dev.baselinewatch.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of the demo, the scorer and the benchmarks: an unknown or
 * incomplete one stops the program with the usage on stderr and exit code 2, not a stack trace.
 */
public final class CommandLine {

    private CommandLine() {}

    public static Map<String, String> options(String[] args, Set<String> known, String usage) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            // Maven passes an empty -D...args as blank arguments.
            if (args[i].isBlank()) {
                continue;
            }
            if (!known.contains(args[i]) || i + 1 >= args.length) {
                System.err.println("Unknown or incomplete option '" + args[i] + "'; " + usage);
                System.exit(2);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
