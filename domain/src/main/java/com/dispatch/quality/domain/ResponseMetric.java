package com.dispatch.quality.domain;

import java.util.Optional;

/** Response-speed metrics of SPEC §4.2, with the case type and milestone that start and end them. */
public enum ResponseMetric {
  ROSTER_TO_SETTLEMENT(null, null, "人员增减到结算反映"),
  CLAIM_PAYOUT(CaseType.INSURANCE_CLAIM, Milestone.PAID, "理赔款支付"),
  INJURY_DISPATCH(CaseType.WORK_INJURY, Milestone.ONSITE_HANDLING, "工伤现场处理派员"),
  DISPUTE_DISPATCH(CaseType.DISPUTE, Milestone.SPECIALIST_ASSIGNED, "劳动争议专人指派"),
  COMPLAINT_RECOVERY(CaseType.COMPLAINT, Milestone.RESOLVED, "投诉处理完毕"),
  RECRUITMENT_CANDIDATES(CaseType.RECRUITMENT, Milestone.CANDIDATES_PROVIDED, "招聘候选人提供"),
  SPOT_CHECK_DATA(CaseType.SPOT_CHECK, Milestone.DATA_PROVIDED, "抽查资料提供");

  private final CaseType caseType;
  private final Milestone endMilestone;
  private final String chineseName;

  ResponseMetric(CaseType caseType, Milestone endMilestone, String chineseName) {
    this.caseType = caseType;
    this.endMilestone = endMilestone;
    this.chineseName = chineseName;
  }

  /** The case type whose reported_at starts the clock; empty for ROSTER_TO_SETTLEMENT. */
  public Optional<CaseType> caseType() { return Optional.ofNullable(caseType); }

  public Optional<Milestone> endMilestone() { return Optional.ofNullable(endMilestone); }

  public String chineseName() { return chineseName; }
}
