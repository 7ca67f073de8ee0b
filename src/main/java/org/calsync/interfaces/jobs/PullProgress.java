package org.calsync.interfaces.jobs;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pull step's persistent user data, saved at every checkpoint: how many calendars the reader found,
 * and the outcomes so far, which become the job's exit status (e.g. "OK=12 PARTIAL=1").
 */
final class PullProgress implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int total;
    private final TreeMap<String, Integer> outcomes = new TreeMap<>();

    PullProgress(int total) {
        this.total = total;
    }

    int total() {
        return total;
    }

    void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    int done() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }

    String exitStatus() {
        StringBuilder status = new StringBuilder();
        for (Map.Entry<String, Integer> outcome : outcomes.entrySet()) {
            status.append(status.isEmpty() ? "" : " ").append(outcome.getKey()).append('=').append(outcome.getValue());
        }
        return status.toString();
    }
}
