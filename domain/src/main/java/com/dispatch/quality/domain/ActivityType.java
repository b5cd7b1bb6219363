package com.dispatch.quality.domain;

/** activities.activity_type and service_commitments.activity_type (SPEC §2). */
public enum ActivityType { COMMUNICATION_CLIENT, COMMUNICATION_EMPLOYEE, FORMAL_REPORT, ONSITE_VISIT }
