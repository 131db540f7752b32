/** Explicit seeds and the derivation of independent streams from them. */
package org.l2o4j.core.random;
