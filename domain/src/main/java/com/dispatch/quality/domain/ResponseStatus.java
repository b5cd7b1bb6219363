package com.dispatch.quality.domain;

/** response_time_events.status (SPEC §4.2): a subject without an end by as_of is OPEN. */
public enum ResponseStatus { CLOSED, OPEN }
