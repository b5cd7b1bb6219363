package com.dispatch.quality.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dispatch.quality.schema.Bronze;
import com.dispatch.quality.schema.Sources;
import com.dispatch.quality.schema.Sources.SourceSpec;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** SPEC §3 row rules on single bronze rows, without Spark. */
class RowValidatorTest {
  /** A bronze row of {@code spec} from column -> raw value pairs. */
  private static Row bronze(SourceSpec spec, String raw, Map<String, String> values) {
    StructType schema = Bronze.forSource(spec);
    Object[] out = new Object[schema.size()];
    out[schema.fieldIndex("run_id")] = "run-1";
    out[schema.fieldIndex("source_file")] = spec.folder() + "/f.csv";
    out[schema.fieldIndex("source_line")] = 2L;
    out[schema.fieldIndex("file_modified_at")] = new Timestamp(0);
    out[schema.fieldIndex(Bronze.RAW_RECORD)] = raw;
    values.forEach((k, v) -> out[schema.fieldIndex(k)] = v);
    return RowFactory.create(out);
  }

  private static Map<String, String> clientRow() {
    Map<String, String> m = new HashMap<>(Map.of("client_id", "C1", "client_name", "某公司", "city", "北京",
        "service_fee_per_head", "120", "wage_pay_day", "15", "agreement_start", "2024-01-01"));
    return m;
  }

  private static Row check(SourceSpec spec, Map<String, String> values) {
    return validate(spec, "raw", values);
  }

  /** The validator's output with its schema attached, so tests read columns by name. */
  private static Row validate(SourceSpec spec, String raw, Map<String, String> values) {
    Row r = new RowValidator(spec).check(bronze(spec, raw, values));
    Object[] v = new Object[r.size()];
    for (int i = 0; i < v.length; i++) v[i] = r.get(i);
    return new GenericRowWithSchema(v, RowValidator.checkedSchema(spec));
  }

  private static String reason(Row r) { return r.getAs(RowValidator.REASON); }

  @Test
  void everySourceContractMatchesItsSilverSchema() {
    for (SourceSpec s : Sources.ALL) {
      assertEquals(s.silver().size() - 4, s.columns().size(), s.name());
    }
  }

  @Test
  void validRowIsTypedAndHasNoReason() {
    Row r = check(Sources.CLIENTS, clientRow());
    assertNull(reason(r));
    assertEquals(new BigDecimal("120.00"), r.getAs("service_fee_per_head"));
    assertEquals(15, (int) r.getAs("wage_pay_day"));
  }

  @Test
  void reportLanguageIsOptionalAndStoredAsTheContractSpellsIt() {
    assertNull(check(Sources.CLIENTS, clientRow()).getAs("report_language"), "no value = default (zh-CN) later");
    Map<String, String> m = clientRow();
    m.put("report_language", "EN-us");
    Row r = check(Sources.CLIENTS, m);
    assertNull(reason(r));
    assertEquals("en-US", r.getAs("report_language"));
  }

  @Test
  void unknownReportLanguageIsAnEnumErrorNamingTheField() {
    Map<String, String> m = clientRow();
    m.put("report_language", "fr-FR");
    Row r = check(Sources.CLIENTS, m);
    assertEquals("ENUM_ERROR", reason(r));
    String message = r.getAs(RowValidator.MESSAGE);
    org.junit.jupiter.api.Assertions.assertTrue(message.contains("report_language") && message.contains("fr-FR")
        && message.contains("zh-CN, en-US"), message);
  }

  @Test
  void agreementEndBeforeStartIsARangeError() {
    Map<String, String> m = clientRow();
    m.put("agreement_end", "2023-12-31");
    assertEquals("RANGE_ERROR", reason(check(Sources.CLIENTS, m)));
  }

  @Test
  void employerRateAboveOneIsARangeError() {
    Row r = check(Sources.INSURANCE_RATES, Map.of("city", "北京", "item", "pension", "employer_rate", "1.5",
        "base_floor", "1000", "base_ceiling", "30000", "effective_from", "2025-01-01"));
    assertEquals("RANGE_ERROR", reason(r));
    assertEquals("f.csv", ((String) r.getAs(RowValidator.MESSAGE)).substring("reference/".length(), "reference/".length() + 5));
  }

  @Test
  void typeErrorBeatsEnumAndRangeErrors() {
    Row r = check(Sources.INSURANCE_RATES, Map.of("city", "北京", "item", "PENSIONS", "employer_rate", "1.5",
        "base_floor", "abc", "base_ceiling", "30000", "effective_from", "2025-01-01"));
    assertEquals("TYPE_ERROR", reason(r));
  }

  @Test
  void rejectedRosterRowKeepsNoPiiInMessageOrRaw() {
    SourceSpec roster = Sources.ROSTER;
    Map<String, String> m = new HashMap<>(Map.of("assignment_id", "A1", "employee_id", "E1", "client_id", "C1",
        "employee_name", "张三", "id_card_no", "110101199001011234", "phone", "13812345678",
        "monthly_wage", "x", "insurance_base", "1", "start_date", "2025-07-01", "updated_at", "2025-07-01 00:00:00"));
    Row r = validate(roster, "A1,E1,C1,张三,110101199001011234,13812345678,x,1,2025-07-01,2025-07-01 00:00:00", m);
    assertEquals("TYPE_ERROR", reason(r));
    String raw = r.getAs(RowValidator.QUARANTINE_RAW);
    assertFalse(raw.contains("110101199001011234"), raw);
    assertFalse(raw.contains("13812345678"), raw);
    assertNull(r.getAs("id_card_no"), "a rejected row carries no typed values");
  }
}
