/** Run folders written atomically, with the provenance that makes a result reproducible from its folder alone. */
package org.l2o4j.core.run;
