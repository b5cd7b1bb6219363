package com.dispatch.quality.domain;

/**
 * Hard time limits of SPEC §4.3 with their default limit, in the rule's own unit. A client's
 * limit may be overridden in reference/sla_policies.csv.
 */
public enum SlaRule {
  CONTRACT_BY_START(Unit.CALENDAR_DAYS, 0, null, null, true, "劳动合同于用工之日前签订"),
  INSURANCE_30D(Unit.CALENDAR_DAYS, 30, null, null, true, "30日内办理社保登记"),
  WAGE_ON_TIME(Unit.PAY_DAY, 0, null, null, true, "按约定日发放工资"),
  INJURY_CLIENT_NOTICE_12H(Unit.HOURS, 12, CaseType.WORK_INJURY, null, false, "用工单位12小时内告知工伤"),
  INJURY_ONSITE_12H(Unit.HOURS, 12, CaseType.WORK_INJURY, Milestone.ONSITE_HANDLING, true, "工伤12小时内到场处理"),
  INJURY_PLAN_24H(Unit.HOURS, 24, CaseType.WORK_INJURY, Milestone.WRITTEN_PLAN, true, "工伤24小时内书面方案"),
  INJURY_AGENCY_24H(Unit.HOURS, 24, CaseType.WORK_INJURY, Milestone.AGENCY_NOTIFIED, true, "工伤24小时内通知经办机构"),
  INJURY_DETERMINATION_30D(Unit.CALENDAR_DAYS, 30, CaseType.WORK_INJURY, Milestone.DETERMINATION_FILED, true, "30日内申请工伤认定"),
  DISPUTE_PLAN_24H(Unit.HOURS, 24, CaseType.DISPUTE, Milestone.WRITTEN_PLAN, true, "劳动争议24小时内书面方案"),
  COMPLAINT_RESPONSE_24H(Unit.HOURS, 24, CaseType.COMPLAINT, Milestone.RESPONDED, true, "投诉24小时内响应"),
  COMPLAINT_PLAN_2WD(Unit.WORKING_DAYS, 2, CaseType.COMPLAINT, Milestone.WRITTEN_PLAN, true, "投诉2个工作日内书面方案");

  /** The unit a limit in sla_policies.csv is read in. */
  public enum Unit { HOURS, CALENDAR_DAYS, WORKING_DAYS, PAY_DAY }

  private final Unit unit;
  private final double defaultLimit;
  private final CaseType caseType;
  private final Milestone completion;
  private final boolean inCompanyScore;
  private final String chineseName;

  SlaRule(Unit unit, double defaultLimit, CaseType caseType, Milestone completion,
      boolean inCompanyScore, String chineseName) {
    this.unit = unit;
    this.defaultLimit = defaultLimit;
    this.caseType = caseType;
    this.completion = completion;
    this.inCompanyScore = inCompanyScore;
    this.chineseName = chineseName;
  }

  public Unit unit() { return unit; }

  public double defaultLimit() { return defaultLimit; }

  /** Case type the rule applies to; null for roster and settlement rules. */
  public CaseType caseType() { return caseType; }

  /** Milestone that completes the rule; null where completion is not a milestone. */
  public Milestone completion() { return completion; }

  /** False only for INJURY_CLIENT_NOTICE_12H, the client's duty (SPEC §4.3, §4.6). */
  public boolean inCompanyScore() { return inCompanyScore; }

  public String chineseName() { return chineseName; }

  /**
   * On the early-warning watchlist (SPEC §4.8): every rule but INJURY_CLIENT_NOTICE_12H, whose
   * deadline is the client's to keep.
   */
  public boolean watched() { return this != INJURY_CLIENT_NOTICE_12H; }
}
