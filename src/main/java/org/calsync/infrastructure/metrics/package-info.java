/** The sync's figures as MicroProfile Metrics, scraped by Prometheus from {@code /metrics?scope=application}. */
package org.calsync.infrastructure.metrics;
