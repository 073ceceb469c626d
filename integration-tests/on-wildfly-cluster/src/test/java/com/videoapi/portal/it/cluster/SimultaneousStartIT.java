package com.videoapi.portal.it.cluster;

import com.videoapi.portal.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both nodes were started at the same moment on an empty PostgreSQL database (test-cluster.sh start):
 * the schema was migrated once, by whichever node took Flyway's database lock first, and both came up
 * (issue 13, test 4). Read from the database and from the logs of that first start.
 */
class SimultaneousStartIT {

    private static final Path FIRST_START = Path.of(System.getProperty("it.cluster.dir"), "first-start");
    private static final Pattern MIGRATED = Pattern.compile("Schema of (\\w+) at version \\S+ \\((\\d+) migration\\(s\\) applied now\\)");

    @Test
    void each_migration_ran_once_although_both_nodes_started_together() throws Exception {
        int applied = 0;
        for (String module : List.of("account", "security")) {
            try (Connection db = TestDatabase.connect(); Statement query = db.createStatement();
                 ResultSet versions = query.executeQuery("select version, count(*), bool_and(success) from "
                         + module + "_schema_history where version is not null group by version")) {
                int scripts = 0;
                while (versions.next()) {
                    assertEquals(1, versions.getInt(2), module + " version " + versions.getString(1) + " recorded once");
                    assertTrue(versions.getBoolean(3), module + " version " + versions.getString(1) + " succeeded");
                    if (!"0".equals(versions.getString(1))) {
                        scripts++;
                    }
                }
                assertTrue(scripts > 0, module + " was migrated");
                applied += scripts;
            }
        }
        // Between them, the two nodes applied each script once: the second waited for the lock and found nothing to do.
        int reported = 0;
        for (String node : List.of(Cluster.A, Cluster.B)) {
            Matcher line = MIGRATED.matcher(Files.readString(log(node)));
            int modules = 0;
            while (line.find()) {
                modules++;
                reported += Integer.parseInt(line.group(2));
            }
            assertEquals(2, modules, "node " + node + " migrated (or found migrated) both modules");
        }
        assertEquals(applied, reported);
    }

    @Test
    void both_nodes_started_within_seconds_of_each_other_and_are_ready() throws Exception {
        LocalDateTime a = firstLine(Cluster.A);
        LocalDateTime b = firstLine(Cluster.B);
        assertTrue(Duration.between(a, b).abs().toSeconds() < 10, "started at " + a + " and " + b);
        HttpClient http = HttpClient.newHttpClient();
        for (String node : List.of(Cluster.A, Cluster.B)) {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + Cluster.managementPort(node) + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
        }
    }

    private static Path log(String node) {
        return FIRST_START.resolve("node-" + node + "-server.log");
    }

    private static LocalDateTime firstLine(String node) throws IOException {
        String first = Files.readAllLines(log(node)).get(0);
        return LocalDateTime.parse(first.substring(0, 23), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS"));
    }

}
