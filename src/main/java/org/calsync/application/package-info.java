/**
 * Use-case services, one sub-package per capability; each public method is one transaction over the domain
 * model. The sub-packages depend on each other without cycles (LayerRulesTest): {@code shared} and
 * {@code connection} at the bottom, {@code linking} and {@code push} at the top.
 */
package org.calsync.application;
