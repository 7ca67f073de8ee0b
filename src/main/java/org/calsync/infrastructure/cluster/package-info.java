/**
 * Several instances on one database: membership with heartbeats in database time, and the lease that gives one
 * instance at a time a person's calendars. Plain JDBC on the application's datasource, outside any container
 * transaction, so that a lease is visible to the other instances the moment it is taken.
 */
package org.calsync.infrastructure.cluster;
