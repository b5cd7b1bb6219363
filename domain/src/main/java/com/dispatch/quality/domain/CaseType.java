package com.dispatch.quality.domain;

/** cases.case_type (SPEC §2). */
public enum CaseType { WORK_INJURY, INSURANCE_CLAIM, DISPUTE, COMPLAINT, RECRUITMENT, SPOT_CHECK }
