package com.dispatch.quality.silver;

import com.dispatch.quality.domain.ReasonCode;
import java.util.List;

/**
 * Which fault a row with several faults is quarantined for (SPEC §3: "the first in that
 * order"). MALFORMED_ROW and MISSING_COLUMN come first because no field can be checked before
 * the record is mapped onto the header (docs/decisions.md, Ingestion).
 */
public final class Reasons {
  private Reasons() {}

  public static final List<ReasonCode> PRIORITY = List.of(
      ReasonCode.MALFORMED_ROW, ReasonCode.MISSING_COLUMN, ReasonCode.REQUIRED_MISSING, ReasonCode.TYPE_ERROR,
      ReasonCode.ENUM_ERROR, ReasonCode.RANGE_ERROR, ReasonCode.UNKNOWN_CLIENT, ReasonCode.MILESTONE_BEFORE_BASE);

  public static int rank(ReasonCode r) {
    int i = PRIORITY.indexOf(r);
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}
