package com.dispatch.quality.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §1 CSV: RFC-4180 quoting, LF or CRLF, a leading BOM; SPEC §3 line = physical start line. */
class CsvReaderTest {
  private static List<CsvReader.Record> read(String text) throws IOException {
    List<CsvReader.Record> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(text))) {
      for (CsvReader.Record rec = r.next(); rec != null; rec = r.next()) out.add(rec);
    }
    return out;
  }

  /** With small limits: fields of at most 10 characters, records of at most 30. */
  private static List<CsvReader.Record> readLimited(String text) throws IOException {
    List<CsvReader.Record> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(text), 10, 30)) {
      for (CsvReader.Record rec = r.next(); rec != null; rec = r.next()) out.add(rec);
    }
    return out;
  }

  @Test
  void leadingBomIsNotPartOfTheFirstHeaderName() throws IOException {
    List<CsvReader.Record> recs = read("\uFEFFa,b\n1,2\n");
    assertEquals(List.of("a", "b"), recs.get(0).fields());
  }

  @Test
  void crlfAndLfLineEndsGiveTheSameRecords() throws IOException {
    List<CsvReader.Record> crlf = read("a,b\r\n1,2\r\n3,4\r\n");
    List<CsvReader.Record> lf = read("a,b\n1,2\n3,4\n");
    assertEquals(lf.stream().map(CsvReader.Record::fields).toList(), crlf.stream().map(CsvReader.Record::fields).toList());
    assertEquals(3L, crlf.get(2).line());
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndNewlinesAndLinesCountPhysically() throws IOException {
    List<CsvReader.Record> recs = read("a,b\r\n\"x,\"\"y\"\"\",\"line1\r\nline2\nline3\"\r\nlast,1\r\n");
    assertEquals(List.of("x,\"y\"", "line1\r\nline2\nline3"), recs.get(1).fields());
    assertEquals(2L, recs.get(1).line());
    assertEquals(List.of("last", "1"), recs.get(2).fields());
    assertEquals(5L, recs.get(2).line(), "the record after a 3-line field starts on physical line 5");
  }

  @Test
  void emptyFieldsAndTrailingSeparatorAreEmptyStrings() throws IOException {
    assertEquals(List.of("", "x", ""), read("a,b,c\n,x,\n").get(1).fields());
    assertEquals(List.of(""), read("a\n\"\"\n").get(1).fields());
  }

  @Test
  void blankLinesHoldNoRecordButStillCountAsLines() throws IOException {
    List<CsvReader.Record> recs = read("a,b\n\n1,2\n\r\n3,4");
    assertEquals(3, recs.size());
    assertEquals(3L, recs.get(1).line());
    assertEquals(5L, recs.get(2).line());
    assertEquals(List.of("3", "4"), recs.get(2).fields(), "a last line without newline is a record");
  }

  @Test
  void unterminatedQuoteIsFlagged() throws IOException {
    List<CsvReader.Record> recs = read("a,b\n1,\"open\n2,3\n");
    assertTrue(recs.get(1).unterminated());
    assertFalse(recs.get(0).unterminated());
  }

  @Test
  void rawTextIsTheRecordWithoutItsLineEnd() throws IOException {
    assertEquals("1,\"a\nb\"", read("h,i\r\n1,\"a\nb\"\r\n").get(1).raw());
    assertNull(read("").stream().findFirst().orElse(null));
  }

  @Test
  void aFieldPastTheLimitIsNotKeptAndItsRecordNamesTheFieldAndItsFullLength() throws IOException {
    String big = "x".repeat(12) + "\n" + "y".repeat(12) + "\"\"" + "z".repeat(4);
    List<CsvReader.Record> recs = readLimited("a,b,c\n1,\"" + big + "\",3\n4,5,6\n");
    CsvReader.Record r = recs.get(1);
    assertTrue(r.oversized());
    assertEquals(1, r.oversizedField());
    assertEquals(big.length() - 1, r.oversizedChars(), "the doubled quote counts as one character");
    assertEquals(List.of("1"), r.fields(), "only the fields before it are kept");
    assertTrue(r.raw().length() <= 30, r.raw());
    assertFalse(r.unterminated());
    assertEquals(List.of("4", "5", "6"), recs.get(2).fields());
    assertEquals(4L, recs.get(2).line(), "the newline inside the long field still counts");
  }

  @Test
  void fieldsAfterAnOversizedOneStillOpenTheirQuotesSoTheRecordEndsWhereItShould() throws IOException {
    List<CsvReader.Record> recs = readLimited("a,b,c\n" + "x".repeat(20) + ",\"p,\nq\",r\nnext,1,2\n");
    assertEquals(0, recs.get(1).oversizedField());
    assertEquals(20, recs.get(1).oversizedChars());
    assertEquals(3, recs.size());
    assertEquals(List.of("next", "1", "2"), recs.get(2).fields());
    assertEquals(4L, recs.get(2).line());
  }

  @Test
  void aRecordPastTheRecordLimitIsFlaggedEvenWhenEveryFieldIsShort() throws IOException {
    CsvReader.Record r = readLimited("h\n" + "12345,".repeat(8) + "end\n").get(1);
    assertTrue(r.oversized());
    assertEquals(5, r.oversizedField(), "the field during which the record passed 30 characters");
    assertTrue(r.raw().length() <= 31, r.raw());
  }

  @Test
  void aQuoteNeverClosedKeepsNoMoreThanTheLimitOfTheRestOfTheFile() throws IOException {
    CsvReader.Record r = readLimited("a,b\n1,\"open\n" + "2,3\n".repeat(100)).get(1);
    assertTrue(r.unterminated());
    assertTrue(r.oversized());
    assertEquals(4 + 4 * 100 + 1, r.oversizedChars());
  }

  @Test
  void aFieldOfExactlyTheLimitIsKept() throws IOException {
    CsvReader.Record r = readLimited("a,b\n" + "x".repeat(10) + ",1\n").get(1);
    assertFalse(r.oversized());
    assertEquals(List.of("x".repeat(10), "1"), r.fields());
  }
}
