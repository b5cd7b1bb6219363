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
 */
public final class RecordDataSource implements JRRewindableDataSource {
  private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

  private final List<?> rows;
  private Iterator<?> it;
  private Object current;

  public RecordDataSource(Collection<?> rows) {
    this.rows = rows == null ? List.of() : List.copyOf(rows);
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
    Method m = accessor(current.getClass(), field.getName());
    if (m == null) throw new JRException("no accessor for field " + field.getName() + " on " + current.getClass().getSimpleName());
    try {
      return m.invoke(current);
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
