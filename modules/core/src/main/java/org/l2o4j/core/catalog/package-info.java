/** The registry of families and optimizers, extended through {@link java.util.ServiceLoader} providers. */
package org.l2o4j.core.catalog;
