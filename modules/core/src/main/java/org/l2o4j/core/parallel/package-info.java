/** Deterministic parallel work: tasks by index on an explicit number of threads, results in index order. */
package org.l2o4j.core.parallel;
