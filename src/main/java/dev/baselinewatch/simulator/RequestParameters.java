package dev.baselinewatch.simulator;

import dev.baselinewatch.dataworks.Bizdates;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads an RPC request's parameters the way DataWorks checks them, answering mistakes with its error codes. */
final class RequestParameters {

    private RequestParameters() {}

    static LocalDate bizdate(Map<String, String> parameters, ZoneId zone) throws SimulatorError {
        String value = required(parameters, "Bizdate");
        try {
            return Bizdates.fromRequestParameter(value, zone);
        } catch (DateTimeParseException e) {
            throw new SimulatorError(400, "InvalidParameter", "Bizdate must look like 2020-07-07T00:00:00+0800, was " + value);
        }
    }

    static int page(Map<String, String> parameters, String name, int max) throws SimulatorError {
        long value = longParameter(parameters, name);
        if (value < 1 || value > max) {
            throw new SimulatorError(400, "InvalidParameter", name + " must be 1.." + max + ", was " + value);
        }
        return (int) value;
    }

    /** A comma-separated filter, upper-cased; empty when absent (matches everything). */
    static Set<String> filter(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> values = new HashSet<>();
        for (String part : value.split(",")) {
            // The docs spell the filter value DANGROUS; the answers say either.
            values.add(part.trim().toUpperCase(Locale.ROOT).replace("DANGROUS", "DANGEROUS"));
        }
        return values;
    }

    static boolean matches(Set<String> wanted, String value) {
        return wanted.isEmpty() || (value != null && wanted.contains(value.toUpperCase(Locale.ROOT)));
    }

    static boolean ownerMatches(String wanted, String owner) {
        return wanted == null || wanted.isBlank() || wanted.equals(owner);
    }

    static <T> List<T> slice(List<T> rows, int pageNumber, int pageSize) {
        int from = Math.min(rows.size(), (pageNumber - 1) * pageSize);
        return List.copyOf(rows.subList(from, Math.min(rows.size(), from + pageSize)));
    }

    static long longParameter(Map<String, String> parameters, String name) throws SimulatorError {
        String value = required(parameters, name);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new SimulatorError(400, "InvalidParameter", name + " must be a number, was " + value);
        }
    }

    static String required(Map<String, String> parameters, String name) throws SimulatorError {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new SimulatorError(400, "MissingParameter", name + " is mandatory for this action.");
        }
        return value;
    }

    /** The {@code BaselineId} parameter, or null when absent or not a number: for call logs and fault matching. */
    static Long baselineId(Map<String, String> parameters) {
        try {
            String id = parameters.get("BaselineId");
            return id == null ? null : Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Decodes {@code a=1&b=2}; RPC clients encode spaces as {@code %20}, so {@code +} never means space here. */
    static Map<String, String> decodeForm(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(decode(name), decode(value));
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
