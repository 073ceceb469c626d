package com.videoapi.portal.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator of the test server does: reads {@code /health} and {@code /prometheus} on its
 * management port, and runs management operations as {@code jboss-cli} would (over the native
 * management protocol, signed in as the local user, as jboss-cli on the server's machine is).
 */
public final class Operator implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    // name{label="value",...} value, as Prometheus' text format writes a sample
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final ModelControllerClient management;

    public Operator() {
        this(managementPort());
    }

    /** An operator of the server at that management port (a cluster's node). */
    public Operator(int managementPort) {
        try {
            management = ModelControllerClient.Factory.create("remote+http", "localhost", managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test server's management port (9990 moved by the test run's offset). */
    public static int managementPort() {
        return Integer.getInteger("it.management-port", 10090);
    }

    /** A health endpoint's answer: its HTTP status and its JSON. */
    public record Health(int httpStatus, JsonNode json) {

        public String status() {
            return json.path("status").asText();
        }

        /** The check of that name, or a missing node. */
        public JsonNode check(String name) {
            for (JsonNode check : json.path("checks")) {
                if (name.equals(check.path("name").asText())) {
                    return check;
                }
            }
            return JSON.missingNode();
        }

        @Override
        public String toString() {
            return httpStatus + " " + json;
        }
    }

    /** GET {@code /health/live}, {@code /health/ready}, ... on the management port. */
    public Health health(String path) {
        HttpResponse<String> response = get(path);
        try {
            return new Health(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new AssertionError(path + " answered " + response.statusCode() + " with no JSON: " + response.body(), e);
        }
    }

    /** The Prometheus scrape at {@code /prometheus}, as text. */
    public String scrape() {
        HttpResponse<String> response = get("/prometheus");
        if (response.statusCode() != 200) {
            throw new AssertionError("/prometheus answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * The value of the sample {@code name} whose labels include {@code labels} (pairs of label and
     * value), summed when several match; 0 when none does, as for a series not yet created.
     */
    public static double sample(String scrape, String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        double sum = 0;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> present = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                present.put(label.group(1), label.group(2));
            }
            if (present.entrySet().containsAll(wanted.entrySet())) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    /** Runs a management operation, e.g. {@code ":suspend"}, and fails unless it succeeds. */
    public ModelNode run(String address, String operation, Map<String, Object> parameters) {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        ModelNode path = op.get("address").setEmptyList();
        for (String part : address.split("/")) {
            if (!part.isEmpty()) {
                String[] pair = part.split("=", 2);
                path.add(pair[0], pair[1]);
            }
        }
        parameters.forEach((name, value) -> {
            if (value instanceof Integer number) {
                op.get(name).set(number);
            } else if (value instanceof Boolean flag) {
                op.get(name).set(flag);
            } else {
                op.get(name).set(String.valueOf(value));
            }
        });
        try {
            ModelNode result = management.execute(op);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new AssertionError(address + ":" + operation + parameters + " failed: " + result);
            }
            return result.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            management.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
