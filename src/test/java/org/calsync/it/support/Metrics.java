package org.calsync.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CalSync's application metrics as Prometheus scrapes them from {@code /metrics?scope=application}. */
public final class Metrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** One sample: {@code name{label="value",...} number}. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final String text;

    private Metrics(String text) {
        this.text = text;
        List<Sample> read = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new java.util.HashMap<>();
            Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            read.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        this.samples = read;
    }

    /** The application's metrics now, from the server the deployment runs on. */
    public static Metrics scrape(URL deploymentUrl) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(deploymentUrl.toString())
                    .resolve("/metrics?scope=application")).header("Accept", "text/plain").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("/metrics answered " + answer.statusCode() + ": " + answer.body());
            }
            return new Metrics(answer.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of a metric's samples that carry these labels (the label pairs alternate name and value); 0 if none. */
    public double value(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).mapToDouble(Sample::value).sum();
    }

    /** Whether a metric of this name is listed at all. */
    public boolean lists(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    @Override
    public String toString() {
        return text;
    }
}
