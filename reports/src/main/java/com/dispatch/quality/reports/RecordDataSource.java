package com.dispatch.quality.reports;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRRewindableDataSource;

/**
 * Feeds Java records to a template. Template fields are named like the gold columns
 * (snake_case, STYLE.md) and read the record's accessor of the camelCase name, so
 * {@code calc_error_rate} reads {@code calcErrorRate()}. Any public no-argument method works,
 * which is how templates read formatted text ({@code value_text} -> {@code valueText()}).
 * Created with the report's {@link Labels}, a method taking one {@code Labels} argument is
 * preferred ({@code valueText(Labels)}), so text comes out in the report's language.
 */
public final class RecordDataSource implements JRRewindableDataSource {
  private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Map<String, Method>> LABELLED = new ConcurrentHashMap<>();
  private static final Method NONE;

  static {
    try {
      NONE = Object.class.getMethod("toString");
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final List<?> rows;
  private final Labels labels;
  private Iterator<?> it;
  private Object current;

  public RecordDataSource(Collection<?> rows) { this(rows, null); }

  /** Rows whose text methods are called with {@code labels} where they take it (null = none). */
  public RecordDataSource(Collection<?> rows, Labels labels) {
    this.rows = rows == null ? List.of() : List.copyOf(rows);
    this.labels = labels;
    this.it = this.rows.iterator();
  }

  @Override
  public boolean next() {
    if (!it.hasNext()) return false;
    current = it.next();
    return true;
  }

  @Override
  public Object getFieldValue(JRField field) throws JRException {
    Method labelled = labels == null ? null : labelled(current.getClass(), field.getName());
    Method m = labelled != null ? labelled : accessor(current.getClass(), field.getName());
    if (m == null) throw new JRException("no accessor for field " + field.getName() + " on " + current.getClass().getSimpleName());
    try {
      return labelled != null ? m.invoke(current, labels) : m.invoke(current);
    } catch (ReflectiveOperationException e) {
      throw new JRException("reading " + field.getName(), e);
    }
  }

  @Override
  public void moveFirst() { it = rows.iterator(); }

  static Method accessor(Class<?> type, String fieldName) {
    Map<String, Method> byName = ACCESSORS.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
    return byName.computeIfAbsent(fieldName, f -> {
      try {
        Method m = type.getMethod(camel(f));
        m.setAccessible(true);
        return m;
      } catch (NoSuchMethodException e) {
        return null;
      }
    });
  }

  private static Method labelled(Class<?> type, String fieldName) {
    Map<String, Method> byName = LABELLED.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
    Method m = byName.computeIfAbsent(fieldName, f -> {
      try {
        Method found = type.getMethod(camel(f), Labels.class);
        found.setAccessible(true);
        return found;
      } catch (NoSuchMethodException e) {
        return NONE; // ConcurrentHashMap cannot hold null
      }
    });
    return m == NONE ? null : m;
  }

  static String camel(String snake) {
    StringBuilder b = new StringBuilder(snake.length());
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') { up = true; continue; }
      b.append(up ? Character.toUpperCase(ch) : ch);
      up = false;
    }
    return b.toString();
  }
}
