package com.dispatch.quality.ingest;

import java.io.Serializable;

/**
 * One CSV file of the landing zone, assigned to its source.
 *
 * @param source     source (entity) name, e.g. {@code roster}, {@code clients}
 * @param uri        fully qualified Hadoop path
 * @param file       path relative to the landing root, as quarantine messages name it
 * @param sizeBytes  file length
 * @param modifiedAt modification time in epoch millis (arrival order, SPEC §2)
 */
public record LandingFile(String source, String uri, String file, long sizeBytes, long modifiedAt)
    implements Serializable {}
