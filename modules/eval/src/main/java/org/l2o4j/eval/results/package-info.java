/** Per-optimizer summaries, timings, and the files a run folder holds. */
package org.l2o4j.eval.results;
