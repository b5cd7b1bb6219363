package com.dispatch.quality.reports;

import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.model.DissatisfiedAnswer;
import com.dispatch.quality.reports.model.FrequencyRow;
import com.dispatch.quality.reports.model.OverviewData;
import com.dispatch.quality.reports.model.RecruitmentSummary;
import com.dispatch.quality.reports.model.ReportHeader;
import com.dispatch.quality.reports.model.ResponseRow;
import com.dispatch.quality.reports.model.SatisfactionSummary;
import com.dispatch.quality.reports.model.ScorecardRow;
import com.dispatch.quality.reports.model.SettlementErrorRow;
import com.dispatch.quality.reports.model.SettlementSummary;
import com.dispatch.quality.reports.model.SlaBreachRow;
import com.dispatch.quality.reports.model.SlaComplianceRow;
import com.dispatch.quality.reports.model.TrendPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Hand-built report models: what a client's gold rows look like after conversion. */
final class SampleModels {
  private SampleModels() {}

  static final String MONTH = "2026-01";
  static final Instant AS_OF = Instant.parse("2026-02-04T19:00:00Z"); // 2026-02-05 03:00 Beijing

  static ReportHeader header() {
    return new ReportHeader("华信人力资源服务有限公司", MONTH, "metrics-20260204T190000Z-a1b2c3", AS_OF, LocalDate.of(2026, 2, 5));
  }

  /** A client with data in every section. */
  static ClientReportData fullClient(String clientId, String clientName) {
    List<ScorecardRow> scorecard = List.of(
        new ScorecardRow("HEADCOUNT_ERROR_RATE", "人数差错率", false, 0.0172, 0.01, "AT_MOST", "MISSED", 0.0035),
        new ScorecardRow("CALC_ERROR_RATE", "金额差错率", false, 0.004, 0.005, "AT_MOST", "MET", -0.0011),
        new ScorecardRow("SLA_COMPLIANCE", "时限达标率", false, 0.9583, 0.95, "AT_LEAST", "MET", 0.0125),
        new ScorecardRow("FREQUENCY_COMPLIANCE", "服务频度达标率", false, 0.75, 1.0, "AT_LEAST", "MISSED", null),
        new ScorecardRow("RESPONSE_P90_INJURY_DISPATCH", "工伤现场处理派员 P90", true, 10.5, 12.0, "AT_MOST", "MET", -1.25),
        new ScorecardRow("RESPONSE_P90_SPOT_CHECK_DATA", "抽查资料提供 P90", true, null, 48.0, "AT_MOST", "NO_DATA", null),
        new ScorecardRow("CLIENT_SATISFACTION", "用工单位满意占比", false, 0.5, 0.8, "AT_LEAST", "MISSED", -0.5),
        new ScorecardRow("EMPLOYEE_SATISFACTION", "员工满意占比", false, 6 / 9.0, 0.7, "AT_LEAST", "MISSED", 0.0417));
    SettlementSummary settlement = new SettlementSummary("ISSUED", 290L, 291L, 3L, 1L, 1L, 5L, 286L, 2L, true,
        5 / 290.0, 2 / 286.0, 1L);
    List<TrendPoint> trend = new ArrayList<>();
    YearMonth m = YearMonth.parse(MONTH).minusMonths(11);
    for (int i = 0; i < 12; i++, m = m.plusMonths(1)) {
      trend.add(new TrendPoint(m.toString(), i == 3 ? null : 0.01 + i * 0.0006, 0.002 + (i % 4) * 0.001, null));
    }
    List<SettlementErrorRow> errors = List.of(
        new SettlementErrorRow("E00012345", "MISSING", null, null, null, new BigDecimal("6891.30")),
        new SettlementErrorRow("E00012399", "EXTRA", null, "L9001", new BigDecimal("5012.00"), null),
        new SettlementErrorRow("E00013001", "CALC", "wage", "L9002", new BigDecimal("5200.00"), new BigDecimal("5033.33")),
        new SettlementErrorRow("E00013001", "CALC", "total", "L9002", new BigDecimal("7702.10"), new BigDecimal("7535.43")));
    List<ResponseRow> response = List.of(
        new ResponseRow("ROSTER_TO_SETTLEMENT", "人员增减到结算反映", 41L, 3L, 20.0, 312.5, 598.25, 640.0, 700.0, 330.0,
            List.of(0L, 0L, 0L, 2L, 3L, 4L, 10L, 22L), 720.0, 41L),
        new ResponseRow("INJURY_DISPATCH", "工伤现场处理派员", 4L, 0L, 1.0, 5.25, 10.5, 11.0, 11.5, 5.9,
            List.of(1L, 2L, 1L, 0L, 0L, 0L, 0L, 0L), 12.0, 4L),
        new ResponseRow("COMPLAINT_RECOVERY", "投诉处理完毕", 0L, 2L, null, null, null, null, null, null,
            List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), 168.0, 0L));
    List<SlaComplianceRow> sla = List.of(
        new SlaComplianceRow("CONTRACT_BY_START", "劳动合同于用工之日前签订", 12L, 11L, 1L, 0L, 11 / 12.0, true),
        new SlaComplianceRow("WAGE_ON_TIME", "按约定日发放工资", 286L, 280L, 6L, 0L, 280 / 286.0, true),
        new SlaComplianceRow("INJURY_CLIENT_NOTICE_12H", "用工单位12小时内告知工伤", 4L, 3L, 1L, 0L, 0.75, false),
        new SlaComplianceRow("COMPLAINT_PLAN_2WD", "投诉2个工作日内书面方案", 2L, 0L, 0L, 2L, null, true));
    List<SlaBreachRow> breaches = List.of(
        new SlaBreachRow("WAGE_ON_TIME", "按约定日发放工资", "L9010", clientId, clientName,
            Instant.parse("2026-02-10T15:59:59.999Z"), Instant.parse("2026-02-12T15:59:59.999Z"), 48.0),
        new SlaBreachRow("CONTRACT_BY_START", "劳动合同于用工之日前签订", "A7001", clientId, clientName,
            Instant.parse("2026-01-05T15:59:59.999Z"), null, 723.0));
    List<FrequencyRow> frequency = List.of(
        new FrequencyRow("ONSITE_VISIT", "现场走访", "2026-01", "MONTH", 2, 1L, false, true),
        new FrequencyRow("FORMAL_REPORT", "正式报告", "2026-Q1", "QUARTER", 1, 0L, false, false),
        new FrequencyRow("COMMUNICATION_CLIENT", "与用工单位沟通", "2026-01", "MONTH", 4, 6L, true, true));
    RecruitmentSummary recruitment = new RecruitmentSummary(5L, 2L, 1L, 1L, 0L);
    SatisfactionSummary satisfaction = new SatisfactionSummary(
        new SatisfactionSummary.Type(2L, 3.5, 1L, 1L, 0.5, null, null),
        new SatisfactionSummary.Type(9L, 3.888889, 6L, 2L, 6 / 9.0, 52L, 8 / 52.0),
        List.of(new DissatisfiedAnswer(Instant.parse("2026-01-08T04:19:38Z"), "EMPLOYEE", "E00000011", 2,
                "对接人员经常联系不上，请回电 157****6727"),
            new DissatisfiedAnswer(Instant.parse("2026-01-12T02:00:00Z"), "CLIENT", null, 1,
                "结算单人数不对\n上月已提出，本月仍未更正"),
            new DissatisfiedAnswer(Instant.parse("2026-01-20T07:30:00Z"), "EMPLOYEE", "E00000001", 2, null)));
    return new ClientReportData(header(), clientId, clientName, scorecard, settlement, trend, errors, response,
        sla, breaches, frequency, recruitment, satisfaction);
  }

  /** Long tables that must break across pages, and a long client name. */
  static ClientReportData longClient() {
    ClientReportData base = fullClient("C0777", "内蒙古自治区呼和浩特市赛罕区某某大型国有控股精密装备制造集团有限责任公司第二分公司");
    List<SettlementErrorRow> errors = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      errors.add(new SettlementErrorRow(String.format("E%08d", 1000 + i), i % 3 == 0 ? "MISSING" : "CALC",
          i % 3 == 0 ? null : "housing_fund", "L" + i, i % 3 == 0 ? null : new BigDecimal("1234567.89"),
          new BigDecimal("1234560.00")));
    }
    List<SlaBreachRow> breaches = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      breaches.add(new SlaBreachRow("INJURY_DETERMINATION_30D", "30日内申请工伤认定", "CASE-2026-000" + i, base.clientId(),
          base.clientName(), Instant.parse("2026-01-05T15:59:59.999Z"), i % 2 == 0 ? null : Instant.parse("2026-01-09T02:00:00Z"),
          1000.0 - i));
    }
    List<ResponseRow> response = new ArrayList<>(base.response());
    for (String[] m : new String[][] {{"CLAIM_PAYOUT", "理赔款支付"}, {"DISPUTE_DISPATCH", "劳动争议专人指派"},
        {"RECRUITMENT_CANDIDATES", "招聘候选人提供"}, {"SPOT_CHECK_DATA", "抽查资料提供"}}) {
      response.add(new ResponseRow(m[0], m[1], 12345L, 17L, 0.0, 48.0, 130.5, 150.0, 9999.99, 60.0,
          List.of(100L, 200L, 300L, 400L, 5000L, 3000L, 2000L, 1045L), 72.0, 9000L));
    }
    return new ClientReportData(base.header(), base.clientId(), base.clientName(), base.scorecard(), base.settlement(),
        base.settlementTrend(), errors, response, base.sla(), breaches, base.frequency(), base.recruitment());
  }

  /** A client with no data in any section. */
  static ClientReportData emptyClient(String clientId, String clientName) {
    return new ClientReportData(header(), clientId, clientName, List.of(), null, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), null);
  }

  static OverviewData overview(List<ClientReportData> clients) {
    List<SlaBreachRow> worst = new ArrayList<>();
    for (ClientReportData c : clients) worst.addAll(c.slaBreaches());
    worst.sort((a, b) -> Double.compare(b.latenessHours(), a.latenessHours()));
    List<TrendPoint> trend = new ArrayList<>();
    YearMonth m = YearMonth.parse(MONTH).minusMonths(11);
    for (int i = 0; i < 12; i++, m = m.plusMonths(1)) trend.add(new TrendPoint(m.toString(), 0.012, 0.004 + i * 0.0002, 0.93 + i * 0.004));
    ClientReportData first = clients.get(0);
    return new OverviewData(header(), Ranking.rank(clients), worst, first.response(), first.sla(), trend);
  }
}
