package com.dispatch.quality.reports;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;

/**
 * Histograms count cases: whole-number ticks only, so a month with two cases does not show a
 * "1.5" tick (or, with an integer mask, two ticks both labelled "1"); bucket labels are
 * never abbreviated.
 */
public final class CountAxisCustomizer implements JRChartCustomizer {
  @Override
  public void customize(JFreeChart chart, JRChart jasperChart) {
    if (chart.getPlot() instanceof CategoryPlot plot && plot.getRangeAxis() instanceof NumberAxis axis) {
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      // "72-168" is wider than its slot at this chart size; JFreeChart would print "...".
      plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.6f);
      plot.getDomainAxis().setCategoryMargin(0.1);
    }
  }
}
