/** Typed configuration: records with paper defaults, strict binding from YAML/JSON, errors that name the bad key. */
package org.l2o4j.core.config;
